using Postern.Mime.Headers;

namespace Postern.WebUser.Rendering;

/// <summary>
/// Turns message text into markup a page can include as it is: plain text escaped, HTML made safe
/// (no scripts, no event handlers, no remote content without the user's consent, no CSS that leaves the
/// message area).
/// </summary>
public sealed class MailBodyMarkup
{
    /// <summary>Whether HTML bodies can be shown (made safe); when not, they are offered as files instead.</summary>
    public bool CanShowHtml => false;

    /// <summary>Plain text as markup: every character escaped, line breaks kept (as <c>&lt;br/&gt;</c> for WML, which has no pre-formatted text).</summary>
    public string PlainText(string text, ContentType contentType, bool wml)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(contentType);
        var escaped = MessageRenderer.Escape(text.TrimEnd());
        return wml
            ? escaped.ReplaceLineEndings("\n").Replace("\n", "<br/>", StringComparison.Ordinal)
            : "<div class=\"textPart\">" + escaped + "</div>";
    }

    /// <summary>The HTML made safe, or null when it cannot be shown inline.</summary>
    /// <param name="contentIds">URLs for <c>cid:</c> references to parts of the same message.</param>
    /// <param name="allowRemote">The user allowed remote content for this message.</param>
    /// <param name="blockedRemote">Set when remote content was left out.</param>
    public string? Html(string html, IReadOnlyDictionary<string, string> contentIds, bool allowRemote, out bool blockedRemote)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(contentIds);
        blockedRemote = false;
        return null;
    }
}
