using System.Text;

namespace Postern.Ximss.Http;

/// <summary>A <c>Content-Disposition</c> response value with a file name (RFC 6266).</summary>
internal static class ContentDispositionValue
{
    /// <summary>
    /// <c>attachment; filename="report.pdf"</c>, and for a name that is not plain ASCII also
    /// <c>filename*=UTF-8''…</c> (RFC 6266 §4.3, RFC 5987 §3.2) after an ASCII stand-in for old clients.
    /// </summary>
    public static string Format(string disposition, string fileName)
    {
        var fallback = new StringBuilder(fileName.Length);
        var plain = true;
        foreach (var c in fileName)
        {
            // RFC 6266 §4.1: quoted-string; '"' and '\' would need escapes old clients mishandle, so they are replaced.
            var ascii = c is >= ' ' and < '\u007f' && c is not ('"' or '\\');
            plain &= ascii;
            fallback.Append(ascii ? c : '_');
        }
        var value = $"{disposition}; filename=\"{fallback}\"";
        return plain ? value : value + "; filename*=UTF-8''" + EncodeRfc5987(fileName);
    }

    /// <summary>RFC 5987 §3.2.1 value-chars: attr-char as it is, every other UTF-8 byte as %XX.</summary>
    private static string EncodeRfc5987(string text)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal))
                encoded.Append(c);
            else
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
