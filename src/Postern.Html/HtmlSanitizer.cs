using Postern.Html.Parsing;
using Postern.Html.Sanitizing;

namespace Postern.Html;

/// <summary>
/// Makes the HTML of a mail message safe to show inside a page: no scripts, no event handlers, no remote content
/// without consent, no CSS that reaches outside the message's box. The markup is parsed the way a browser parses
/// it, then rebuilt from an allow-list of elements, attributes, URL schemes and CSS properties.
/// docs/html-safety.md describes what is kept and why.
/// </summary>
public static class HtmlSanitizer
{
    /// <summary>Sanitises one HTML part. Hostile or broken input never throws: what cannot be kept safely is left out.</summary>
    public static SanitizedHtml Sanitize(string html, HtmlSanitizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        options ??= HtmlSanitizerOptions.Default;
        var report = new SanitizeReport();
        var document = GuardedHtmlParser.Parse(LimitedInput.Cut(html, options.Limits.MaxInputChars, report), options.Limits, out var stoppedBy);
        if (stoppedBy is not null)
            report.Truncate(stoppedBy);
        var fragment = new MessageSanitizer(options, report).Sanitize(document);
        return new SanitizedHtml(fragment, report.RemoteContentBlocked, report.Truncated, report.Removed.ToArray());
    }
}
