using System.Collections.Concurrent;
using System.Text;
using Postern.Mime.Text;

namespace Postern.Mime.Encodings;

/// <summary>Maps MIME charset names to .NET encodings and decodes text leniently.</summary>
/// <remarks>
/// Every code page .NET ships is available (<see cref="CodePagesEncodingProvider"/> is registered).
/// Text in an unknown charset, or labelled US-ASCII but carrying 8-bit bytes (common in the wild), is
/// decoded as UTF-8 when it is valid UTF-8 and as windows-1252 otherwise, so decoding never fails.
/// </remarks>
public static class Charsets
{
    /// <summary>The number of distinct charset names remembered, so hostile names cannot grow the cache without end.</summary>
    private const int MaxCachedNames = 512;

    private static readonly ConcurrentDictionary<string, Encoding?> s_cache = new(StringComparer.Ordinal);

    static Charsets()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
    }

    /// <summary>UTF-8 without a byte-order mark; invalid sequences decode to U+FFFD.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>windows-1252, the fallback for 8-bit text that is not UTF-8 (a superset of ISO-8859-1's printable range).</summary>
    public static Encoding Windows1252 { get; }

    /// <summary>
    /// The encoding for a MIME charset name, or null when .NET has none. US-ASCII answers null too:
    /// callers decode it leniently, because 8-bit bytes labelled US-ASCII are common.
    /// </summary>
    public static Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (s_cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var found = Resolve(Normalize(name));
        if (s_cache.Count < MaxCachedNames)
        {
            s_cache.TryAdd(name, found);
        }

        return found;
    }

    /// <summary>Whether <paramref name="name"/> names a charset that can be decoded (US-ASCII included).</summary>
    public static bool IsKnown(string? name) => Find(name) is not null || IsAscii(name);

    /// <summary>Decodes <paramref name="bytes"/> in <paramref name="charset"/>, falling back as the remarks describe.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        var encoding = Find(charset);
        return encoding is null ? DecodeLenient(bytes) : encoding.GetString(bytes);
    }

    /// <summary>Decodes bytes of unknown charset: ASCII, else UTF-8 when valid, else windows-1252.</summary>
    public static string DecodeLenient(ReadOnlySpan<byte> bytes) => LenientEncodingFor(bytes).GetString(bytes);

    internal static Encoding LenientEncodingFor(ReadOnlySpan<byte> bytes) =>
        Ascii.IsValid(bytes) || System.Text.Unicode.Utf8.IsValid(bytes) ? Utf8 : Windows1252;

    internal static void AppendDecoded(ref CharBuffer output, ReadOnlySpan<byte> bytes, Encoding? encoding) =>
        output.Append(bytes, encoding ?? LenientEncodingFor(bytes));

    internal static Encoding? Find(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return null;
        }

        // The common names skip the string allocation.
        if (Ascii.EqualsIgnoreCase(name, "utf-8"u8) || Ascii.EqualsIgnoreCase(name, "utf8"u8))
        {
            return Utf8;
        }

        if (Ascii.EqualsIgnoreCase(name, "us-ascii"u8))
        {
            return null;
        }

        return Find(Encoding.Latin1.GetString(name));
    }

    private static bool IsAscii(string? name) =>
        name is not null && Normalize(name) is "us-ascii" or "ascii" or "ansi_x3.4-1968" or "iso646-us" or "us";

    private static string Normalize(string name)
    {
        var trimmed = name.Trim().Trim('"', '\'').Trim();

        // RFC 2231 §5: a language may follow the charset after '*' in encoded words.
        var star = trimmed.IndexOf('*');
        if (star >= 0)
        {
            trimmed = trimmed[..star];
        }

        return trimmed.ToLowerInvariant();
    }

    private static Encoding? Resolve(string name)
    {
        switch (name)
        {
            case "utf-8" or "utf8" or "unicode-1-1-utf-8":
                return Utf8;
            case "us-ascii" or "ascii" or "ansi_x3.4-1968" or "iso646-us" or "us" or "x-unknown" or "unknown-8bit"
                or "unknown" or "default" or "8bit" or "x-user-defined":
                return null;
            case "utf-7" or "utf7" or "unicode-1-1-utf-7" or "csunicode11utf7" or "x-unicode-2-0-utf-7":
                // RFC 2152; .NET no longer hands out its own (obsolete) UTF-7 decoder.
                return Utf7Encoding.Instance;
            case "utf-16" or "utf-16le" or "unicode":
                return Encoding.Unicode;
            case "utf-16be":
                return Encoding.BigEndianUnicode;
            case "utf-32" or "utf-32le":
                return Encoding.UTF32;
            case "utf-32be":
                return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
            case "iso-8859-1" or "latin1" or "l1" or "iso_8859-1" or "iso8859-1" or "iso-ir-100" or "cp819":
                // Mail labelled Latin-1 is almost always windows-1252 (HTML5 §8.2.2.3 makes the same mapping).
                return Windows1252;
        }

        var provider = CodePagesEncodingProvider.Instance;
        var encoding = provider.GetEncoding(name);
        if (encoding is not null)
        {
            return encoding;
        }

        // Common spellings .NET does not list: "cp1251", "windows1251", "win-1251", "x-cp1250", "iso8859-2".
        var digits = TrailingNumber(name);
        if (digits == 65001)
        {
            return Utf8;
        }

        if (digits > 0)
        {
            if (name.StartsWith("cp", StringComparison.Ordinal) || name.StartsWith("win", StringComparison.Ordinal)
                || name.StartsWith("x-cp", StringComparison.Ordinal) || name.StartsWith("ibm", StringComparison.Ordinal))
            {
                return provider.GetEncoding(digits);
            }

            if (name.StartsWith("iso8859", StringComparison.Ordinal) || name.StartsWith("iso_8859", StringComparison.Ordinal))
            {
                return provider.GetEncoding("iso-8859-" + digits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    private static int TrailingNumber(string name)
    {
        var i = name.Length;
        while (i > 0 && char.IsAsciiDigit(name[i - 1]))
        {
            i--;
        }

        return i < name.Length && name.Length - i <= 5 ? int.Parse(name.AsSpan(i), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
