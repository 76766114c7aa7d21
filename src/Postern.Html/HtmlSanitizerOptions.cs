using System.Text.RegularExpressions;

namespace Postern.Html;

/// <summary>How <see cref="HtmlSanitizer"/> treats one message: consent, scoping, links and part references.</summary>
public sealed partial class HtmlSanitizerOptions
{
    /// <summary>The defaults: no remote content, links open in a new window without a referrer.</summary>
    public static HtmlSanitizerOptions Default { get; } = new();

    /// <summary>
    /// Whether images, backgrounds, fonts and CSS from other servers may load. Off by default: a remote image
    /// tells the sender that, when and where the message was read. When on, URLs are still scheme-checked.
    /// </summary>
    public bool AllowRemoteContent { get; init; }

    /// <summary>
    /// The selector of the page element the fragment is placed in: a class (<c>.name</c>) or an id
    /// (<c>#name</c>). Rules of the message's style sheets are prefixed with it, and <c>html</c>,
    /// <c>body</c> and <c>:root</c> in them stand for it. Default <c>.postern-message</c>.
    /// </summary>
    public string ContainerSelector
    {
        get;
        init => field = ContainerSelectorSyntax().IsMatch(value)
            ? value
            : throw new ArgumentException("The container selector must be a class (.name) or an id (#name).", nameof(ContainerSelector));
    } = ".postern-message";

    /// <summary>
    /// Put before every class, id and anchor name of the message (<c>class="note"</c> becomes
    /// <c>class="pm-note"</c>, and the message's <c>.note</c> rules follow), so the message can neither pick up the
    /// page's styles nor shadow the page's element ids. The page must not use names with this prefix.
    /// Default <c>pm-</c>.
    /// </summary>
    public string IdentifierPrefix
    {
        get;
        init => field = IdentifierPrefixSyntax().IsMatch(value)
            ? value
            : throw new ArgumentException("The prefix must be a letter followed by letters, digits, '-' or '_'.", nameof(IdentifierPrefix));
    } = "pm-";

    /// <summary>
    /// Turns a Content-ID (without <c>cid:</c> and angle brackets, percent-decoded as RFC 2392 §2 says) into the
    /// URL of that part of the message, or null when the message has no such part. Null (the default): every
    /// <c>cid:</c> reference is dropped. The returned URL is trusted and used as it is.
    /// </summary>
    public Func<string, string?>? ResolveContentId { get; init; }

    /// <summary>
    /// Turns a URL written in the HTML into the URL of the part of the message it names through that part's
    /// Content-Location (RFC 2557 §4, how MHTML and some mail programs refer to pictures, often with relative URLs
    /// such as <c>image1</c>), or null when no part has that location. Consulted for relative, http and https
    /// URLs before any other rule, so a picture carried in the message is shown without loading anything remote.
    /// Null (the default): no URL names a part this way.
    /// </summary>
    public Func<string, string?>? ResolveContentLocation { get; init; }

    /// <summary>
    /// Rewrites the target of a link (http, https, mailto or tel), for example through a redirector that hides the
    /// page's address from the linked site; null from the callback drops the link and keeps its text. Null (the
    /// default): links are kept as written.
    /// </summary>
    public Func<string, string?>? RewriteLink { get; init; }

    /// <summary>
    /// The <c>target</c> every link gets, replacing the sender's; null leaves links without one.
    /// Default <c>_blank</c>: a link must not replace the page the message is read in.
    /// </summary>
    public string? LinkTarget { get; init; } = "_blank";

    /// <summary>
    /// The <c>rel</c> every link gets, replacing the sender's; null leaves links without one.
    /// Default <c>noopener noreferrer</c>: the opened page gets no handle on this window and no Referer header,
    /// which would carry the session's address.
    /// </summary>
    public string? LinkRel { get; init; } = "noopener noreferrer";

    /// <summary>
    /// The URL an image gets in place of blocked remote content (for example a skin's "image not loaded" icon);
    /// null (the default) leaves such images without a source, showing their alternative text.
    /// </summary>
    public string? BlockedImagePlaceholder { get; init; }

    /// <summary>The caps on input, output and nesting.</summary>
    public HtmlLimits Limits { get; init; } = HtmlLimits.Default;

    [GeneratedRegex("^[.#][A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex ContainerSelectorSyntax();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdentifierPrefixSyntax();
}
