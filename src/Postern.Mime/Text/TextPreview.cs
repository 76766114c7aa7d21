using System.Net;
using System.Text;

namespace Postern.Mime.Text;

/// <summary>Builds the short plain-text preview of a message shown under its subject in folder views.</summary>
internal static class TextPreview
{
    /// <summary>How much of a plain text body to decode for a preview; enough for any preview length in use.</summary>
    private const int PlainPrefix = 16 * 1024;

    /// <summary>How much of an HTML body to decode; style sheets often fill the first kilobytes.</summary>
    private const int HtmlPrefix = 64 * 1024;

    public static string Create(MimeMessage message, int maxChars)
    {
        if (message.FindTextBody("plain") is { } plain)
        {
            return Collapse(Decode(plain, PlainPrefix), maxChars);
        }

        if (message.FindTextBody("html") is { } html)
        {
            return Collapse(HtmlToText(Decode(html, HtmlPrefix)), maxChars);
        }

        return "";
    }

    /// <summary>Decodes the start of a text part: the raw body is cut at a line break before decoding.</summary>
    private static string Decode(MimePart part, int rawPrefix)
    {
        var raw = part.RawBody;
        if (raw.Length > rawPrefix)
        {
            var cut = raw.Span[..rawPrefix].LastIndexOf((byte)'\n');
            raw = raw[..(cut > 0 ? cut + 1 : rawPrefix)];
        }

        var content = Encodings.TransferEncodings.Decode(raw, part.TransferEncoding, out _);
        var charset = part.Charset ?? (part.ContentType.Is("text", "html") ? HtmlCharsetSniffer.Find(content.Span) : null);
        return MimePart.DecodeText(content.Span, charset);
    }

    private static string Collapse(string text, int maxChars)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxChars));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                if (sb.Length + 1 >= maxChars)
                {
                    break;
                }

                sb.Append(' ');
                pendingSpace = false;
            }

            if (sb.Length >= maxChars)
            {
                // Cut at the last word boundary rather than inside a word, unless that loses over half.
                var lastSpace = sb.ToString().LastIndexOf(' ');
                if (lastSpace > maxChars / 2)
                {
                    sb.Length = lastSpace;
                }

                break;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The visible text of an HTML fragment: head, style, script and comments dropped, tags removed, entities decoded.</summary>
    private static string HtmlToText(string html)
    {
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

            var tag = TagName(html.AsSpan(lt + 1, gt - lt - 1));
            i = gt + 1;
            if (tag is "style" or "script" or "head" or "title")
            {
                var close = html.IndexOf("</" + tag, i, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
            }

            sb.Append(' ');
        }

        return WebUtility.HtmlDecode(sb.ToString());
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        var end = 0;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end]))
        {
            end++;
        }

        return end is 0 or > 10 ? "" : tag[..end].ToString().ToLowerInvariant();
    }
}
