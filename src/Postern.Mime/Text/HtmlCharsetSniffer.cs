using System.Text;

namespace Postern.Mime.Text;

/// <summary>Finds the charset an HTML document declares in a <c>&lt;meta&gt;</c> element (HTML5 §13.2.3.2, simplified).</summary>
internal static class HtmlCharsetSniffer
{
    /// <summary>How far into the document to look; HTML5 prescans 1024 bytes.</summary>
    private const int PrescanLength = 1024;

    public static string? Find(ReadOnlySpan<byte> html)
    {
        var head = html[..Math.Min(html.Length, PrescanLength)];
        var at = IndexOfIgnoreCase(head, "charset"u8);
        while (at >= 0)
        {
            var rest = head[(at + 7)..].TrimStart(" \t\r\n"u8);
            if (!rest.IsEmpty && rest[0] == (byte)'=')
            {
                rest = rest[1..].TrimStart(" \t\r\n\"'"u8);
                var end = rest.IndexOfAny(" \t\r\n\"';/>"u8);
                var name = end < 0 ? rest : rest[..end];
                if (!name.IsEmpty)
                {
                    return Encoding.ASCII.GetString(name);
                }
            }

            var next = IndexOfIgnoreCase(head[(at + 7)..], "charset"u8);
            at = next < 0 ? -1 : at + 7 + next;
        }

        return null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(haystack.Slice(i, needle.Length), needle))
            {
                return i;
            }
        }

        return -1;
    }
}
