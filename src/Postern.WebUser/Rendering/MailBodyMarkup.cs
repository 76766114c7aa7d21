using Postern.Html;
using Postern.Mime.Headers;

namespace Postern.WebUser.Rendering;

/// <summary>
/// Turns message text into markup a page can include as it is, through <c>Postern.Html</c>: plain text
/// escaped (quotations, links, format=flowed), HTML made safe (no scripts, no event handlers, no remote
/// content without the user's consent, no CSS that leaves the message area).
/// </summary>
public sealed class MailBodyMarkup
{
    /// <summary>
    /// The class of the element each HTML body is placed in: the sanitiser scopes the message's style
    /// rules to it, and skins give it <c>overflow: auto; contain: paint</c> so nothing paints outside it.
    /// </summary>
    public const string ContainerClass = "postern-message";

    /// <summary>Plain text as markup (as <c>&lt;br/&gt;</c> lines for WML, which has no HTML elements).</summary>
    public string PlainText(string text, ContentType contentType, bool wml)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(contentType);
        if (wml)
            return WmlLines(text);
        // RFC 3676 §4.1, §4.2: format=flowed soft breaks, and DelSp=yes.
        var flowed = contentType.Parameters["format"]?.Equals("flowed", StringComparison.OrdinalIgnoreCase) == true;
        var delSp = contentType.Parameters["delsp"]?.Equals("yes", StringComparison.OrdinalIgnoreCase) == true;
        var converted = PlainTextToHtml.Convert(text.TrimEnd(), new PlainTextOptions
        {
            Flowed = flowed,
            DelSp = delSp,
            PreserveSpacing = !flowed,
            RewriteLink = ComposeForMailto,
        });
        return "<div class=\"textPart\">" + converted.Html + Truncation(converted) + "</div>";
    }

    /// <summary>The HTML made safe, inside its container element.</summary>
    /// <param name="contentIds">URLs of the message's parts by Content-ID, for <c>cid:</c> references.</param>
    /// <param name="contentLocations">URLs of the message's parts by Content-Location.</param>
    /// <param name="allowRemote">The user allowed remote content for this message.</param>
    /// <param name="wml">Render for WML: the text of the HTML, since WML has no HTML elements.</param>
    /// <param name="blockedRemote">Set when remote content was left out.</param>
    public string Html(string html, IReadOnlyDictionary<string, string> contentIds, IReadOnlyDictionary<string, string> contentLocations,
        bool allowRemote, bool wml, out bool blockedRemote)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(contentIds);
        ArgumentNullException.ThrowIfNull(contentLocations);
        if (wml)
        {
            blockedRemote = false;
            return WmlLines(HtmlToPlainText.Convert(html));
        }
        var sanitized = HtmlSanitizer.Sanitize(html, new HtmlSanitizerOptions
        {
            AllowRemoteContent = allowRemote,
            ContainerSelector = "." + ContainerClass,
            ResolveContentId = id => contentIds.GetValueOrDefault(id),
            ResolveContentLocation = location => contentLocations.GetValueOrDefault(location),
            RewriteLink = ComposeForMailto,
        });
        blockedRemote = sanitized.RemoteContentBlocked;
        return "<div class=\"" + ContainerClass + "\">" + sanitized.Html + Truncation(sanitized) + "</div>";
    }

    /// <summary>A mailto: link opens the Compose page of this session (relative to the Message page).</summary>
    private static string? ComposeForMailto(string url) =>
        url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            ? "Compose.wssp?To=" + Uri.EscapeDataString(Uri.UnescapeDataString(url["mailto:".Length..].Split('?')[0]))
            : url;

    private static string Truncation(SanitizedHtml result) =>
        result.Truncated ? "<p class=\"truncated\">This part is too long to show in full.</p>" : "";

    private static string WmlLines(string text) =>
        MessageRenderer.Escape(text.TrimEnd()).ReplaceLineEndings("\n").Replace("\n", "<br/>", StringComparison.Ordinal);
}
