using System.Net;
using System.Text;

namespace Postern.Mime.Text;

/// <summary>
/// The visible text of HTML, for previews, quoted replies and full-text indexing: head, style, script and
/// comments dropped, block elements turned into line breaks, tags removed, entities decoded. Not a sanitiser.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> s_hidden = ["style", "script", "head", "title"];

    private static readonly HashSet<string> s_lineBreaking = ["br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table"];

    /// <summary>The text a reader of <paramref name="html"/> sees, with line breaks where blocks end.</summary>
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                sb.Append(html, i, html.Length - i);
                break;
            }

            sb.Append(html, i, lt - i);
            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }

            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }

            var tag = TagName(html.AsSpan(lt + 1, gt - lt - 1), out var closing);
            i = gt + 1;
            if (!closing && s_hidden.Contains(tag))
            {
                var close = html.IndexOf("</" + tag, i, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
                continue;
            }

            sb.Append(s_lineBreaking.Contains(tag) ? '\n' : ' ');
        }

        return WebUtility.HtmlDecode(sb.ToString());
    }

    private static string TagName(ReadOnlySpan<char> tag, out bool closing)
    {
        closing = !tag.IsEmpty && tag[0] == '/';
        if (closing)
        {
            tag = tag[1..];
        }

        var end = 0;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end]))
        {
            end++;
        }

        return end is 0 or > 10 ? "" : tag[..end].ToString().ToLowerInvariant();
    }
}
