using System.Collections.Concurrent;
using System.Text;

namespace Postern.Templates;

/// <summary>
/// Converts rendered pages into the charset the dataset names (WSSP: "if the charset value is not UTF-8,
/// the WSSP text is converted into this page charset").
/// </summary>
/// <remarks>Characters the charset cannot represent are written as HTML numeric character references
/// (<c>&amp;#8364;</c>), which browsers display correctly, instead of being lost.</remarks>
public static class PageEncoding
{
    /// <summary>More charset names than any real deployment uses (KNOWNCHARSETS lists 22).</summary>
    private const int MaxRememberedCharsets = 256;

    private static readonly ConcurrentDictionary<string, Encoding?> s_encodings = new(StringComparer.OrdinalIgnoreCase);

    static PageEncoding()
    {
        // The legacy code pages (windows-1252, koi8-r, Shift_JIS…) ship with .NET but must be registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The charsets KNOWNCHARSETS() lists unless the host supplies its own list.</summary>
    public static IReadOnlyList<string> KnownCharsets { get; } =
    [
        "utf-8", "us-ascii", "iso-8859-1", "iso-8859-2", "iso-8859-5", "iso-8859-7", "iso-8859-9", "iso-8859-15",
        "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254", "windows-1257",
        "koi8-r", "koi8-u", "shift_jis", "euc-jp", "iso-2022-jp", "gb2312", "big5", "euc-kr",
    ];

    /// <summary>The encoding for <paramref name="charset"/>, or <see langword="null"/> when it is unknown.</summary>
    /// <remarks>Every page asks for its charset several times; looking a code page up takes the encoding
    /// provider's lock, which busy servers contend for, so the answers are kept.</remarks>
    public static Encoding? TryGetEncoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return null;
        if (s_encodings.TryGetValue(charset, out var known))
            return known;
        var found = FindEncoding(charset.Trim());
        // Charset names can come from messages and requests: only a bounded number are remembered.
        if (s_encodings.Count < MaxRememberedCharsets)
            s_encodings.TryAdd(charset, found);
        return found;
    }

    private static Encoding? FindEncoding(string charset)
    {
        Encoding found;
        try
        {
            found = Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return null;
        }
        if (found.CodePage == Encoding.UTF8.CodePage)
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return Encoding.GetEncoding(found.CodePage, HtmlCharacterReferenceFallback.Instance, DecoderFallback.ReplacementFallback);
    }

    /// <summary>The page bytes in <paramref name="charset"/>; UTF-8 when the charset is unknown.</summary>
    public static byte[] Encode(ReadOnlySpan<char> text, string? charset)
    {
        var encoding = TryGetEncoding(charset) ?? new UTF8Encoding(false);
        var bytes = new byte[encoding.GetByteCount(text)];
        encoding.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>The charset name to announce for <paramref name="charset"/>: the name itself when known, else <c>utf-8</c>.</summary>
    public static string Normalize(string? charset) =>
        TryGetEncoding(charset) is null ? "utf-8" : charset!.Trim();

    private sealed class HtmlCharacterReferenceFallback : EncoderFallback
    {
        public static HtmlCharacterReferenceFallback Instance { get; } = new();

        // "&#1114111;" is the longest reference.
        public override int MaxCharCount => 10;

        public override EncoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : EncoderFallbackBuffer
        {
            private string _pending = "";
            private int _next;

            public override int Remaining => _pending.Length - _next;

            public override bool Fallback(char charUnknown, int index) => Start(charUnknown);

            public override bool Fallback(char charUnknownHigh, char charUnknownLow, int index) =>
                Start(char.ConvertToUtf32(charUnknownHigh, charUnknownLow));

            public override char GetNextChar() => _next < _pending.Length ? _pending[_next++] : '\0';

            public override bool MovePrevious()
            {
                if (_next == 0)
                    return false;
                _next--;
                return true;
            }

            public override void Reset()
            {
                _pending = "";
                _next = 0;
            }

            private bool Start(int codePoint)
            {
                _pending = "&#" + codePoint.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
                _next = 0;
                return true;
            }
        }
    }
}
