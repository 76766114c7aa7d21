namespace Postern.Html;

/// <summary>How <see cref="PlainTextToHtml"/> renders a text/plain part.</summary>
public sealed class PlainTextOptions
{
    /// <summary>Plain text, not flowed, spacing collapsed as HTML does, URLs and addresses linked.</summary>
    public static PlainTextOptions Default { get; } = new();

    /// <summary>The part is <c>format=flowed</c> (RFC 3676): lines ending in a space join the next one.</summary>
    public bool Flowed { get; init; }

    /// <summary>The part has <c>DelSp=yes</c> (RFC 3676 §4.2): the space ending a flowed line is removed when joining.</summary>
    public bool DelSp { get; init; }

    /// <summary>
    /// Keep runs of spaces and expand tabs to 8-column stops (for ASCII tables and code), instead of letting the
    /// browser collapse them. Lines still wrap.
    /// </summary>
    public bool PreserveSpacing { get; init; }

    /// <summary>Turn http, https and www. URLs, mailto: URLs and e-mail addresses into links. On by default.</summary>
    public bool LinkUrls { get; init; } = true;

    /// <summary>The <c>target</c> of generated links; null for none. Default <c>_blank</c>, as for HTML mail.</summary>
    public string? LinkTarget { get; init; } = "_blank";

    /// <summary>The <c>rel</c> of generated links; null for none. Default <c>noopener noreferrer</c>.</summary>
    public string? LinkRel { get; init; } = "noopener noreferrer";

    /// <summary>Rewrites a link's URL (a redirector, or mailto: to the compose page); null from it leaves the text unlinked.</summary>
    public Func<string, string?>? RewriteLink { get; init; }

    /// <summary>The caps on input and output (<see cref="HtmlLimits.MaxInputChars"/>, <see cref="HtmlLimits.MaxOutputChars"/>).</summary>
    public HtmlLimits Limits { get; init; } = HtmlLimits.Default;
}
