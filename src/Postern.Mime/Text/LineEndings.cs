using System.Text;

namespace Postern.Mime.Text;

/// <summary>Line-break normalisation for text bodies (RFC 2046 §4.1.1: text line breaks are CRLF).</summary>
internal static class LineEndings
{
    /// <summary>Turns CR, LF and CRLF into CRLF; unlike <see cref="string.ReplaceLineEndings()"/>, leaves FF, NEL, LS and PS alone.</summary>
    public static string ToCrLf(string text)
    {
        if (!text.AsSpan().ContainsAny('\r', '\n'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append("\r\n");
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\n')
            {
                sb.Append("\r\n");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
