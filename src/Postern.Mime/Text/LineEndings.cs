using System.Text;

namespace Postern.Mime.Text;

/// <summary>Line breaks in text bodies (RFC 2046 §4.1.1: text line breaks are CRLF; LF alone is read the same).</summary>
internal static class LineEndings
{
    /// <summary>The offset of the LF that ends the line containing <paramref name="pos"/>, or the text's length when the line is the last.</summary>
    public static int LineEnd(ReadOnlySpan<byte> text, int pos)
    {
        var lf = text[pos..].IndexOf((byte)'\n');
        return lf < 0 ? text.Length : pos + lf;
    }

    /// <summary>The start of the line after the one ending at <paramref name="lineEnd"/> (as <see cref="LineEnd"/> gives it).</summary>
    public static int NextLine(ReadOnlySpan<byte> text, int lineEnd) => Math.Min(lineEnd + 1, text.Length);

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
