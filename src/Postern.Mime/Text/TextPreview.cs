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
            return Collapse(HtmlText.ToPlainText(Decode(html, HtmlPrefix)), maxChars);
        }

        return "";
    }

    /// <summary>Decodes the start of a text part.</summary>
    private static string Decode(MimePart part, int rawPrefix)
    {
        var content = part.DecodeContentStart(rawPrefix);
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
}
