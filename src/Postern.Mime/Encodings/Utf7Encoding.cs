using System.Text;

namespace Postern.Mime.Encodings;

/// <summary>
/// Reads UTF-7 (RFC 2152), the charset some old mailers labelled 7-bit Unicode mail with. Decoding only:
/// Postern writes UTF-8, and .NET's own <c>UTF7Encoding</c> is obsolete (SYSLIB0001) and not handed out by
/// <see cref="Encoding.GetEncoding(string)"/>.
/// </summary>
/// <remarks>
/// Lenient in the way mail needs: a byte above 0x7F (never valid UTF-7) decodes to U+FFFD, stray bits at
/// the end of a shifted sequence are dropped, and an unpaired surrogate becomes U+FFFD. Every call starts
/// in the unshifted state, so callers decode a text in one call (the MIME code always does).
/// </remarks>
internal sealed class Utf7Encoding : Encoding
{
    /// <summary>The Windows code page number of UTF-7.</summary>
    private const int Utf7CodePage = 65000;

    private const char Replacement = '\uFFFD';

    /// <summary>Modified base64 (RFC 2152: the base64 alphabet of RFC 2045 without padding): value per byte, -1 outside.</summary>
    private static readonly sbyte[] s_base64Values = CreateBase64Values();

    private Utf7Encoding()
        : base(Utf7CodePage)
    {
    }

    public static Utf7Encoding Instance { get; } = new();

    public override string WebName => "utf-7";

    public override string EncodingName => "Unicode (UTF-7)";

    public override bool IsSingleByte => false;

    public override int GetMaxCharCount(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        return byteCount;   // every byte yields at most one char: base64 packs 16 bits into at least 2.67 bytes
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => GetCharCount(bytes.AsSpan(index, count));

    public override int GetCharCount(ReadOnlySpan<byte> bytes) => Decode(bytes, [], counting: true);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        GetChars(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex));

    public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars) => Decode(bytes, chars, counting: false);

    public override int GetMaxByteCount(int charCount) => throw WritingNotSupported();

    public override int GetByteCount(char[] chars, int index, int count) => throw WritingNotSupported();

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw WritingNotSupported();

    /// <summary>Decodes <paramref name="bytes"/> into <paramref name="output"/> (or only counts); returns the char count.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is too small.</exception>
    private static int Decode(ReadOnlySpan<byte> bytes, Span<char> output, bool counting)
    {
        var written = 0;
        var pendingHigh = '\0';
        var i = 0;

        void Emit(Span<char> output, char c)
        {
            if (!counting)
            {
                if (written == output.Length)
                {
                    throw new ArgumentException("The output buffer is too small for the decoded text.", nameof(output));
                }

                output[written] = c;
            }

            written++;
        }

        void EmitUnit(Span<char> output, char unit)
        {
            // A high surrogate waits for its low half; any other unit after it leaves it unpaired.
            if (pendingHigh != '\0')
            {
                if (char.IsLowSurrogate(unit))
                {
                    Emit(output, pendingHigh);
                    Emit(output, unit);
                    pendingHigh = '\0';
                    return;
                }

                Emit(output, Replacement);
                pendingHigh = '\0';
            }

            if (char.IsHighSurrogate(unit))
            {
                pendingHigh = unit;
            }
            else
            {
                Emit(output, char.IsLowSurrogate(unit) ? Replacement : unit);
            }
        }

        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b != (byte)'+')
            {
                EmitUnit(output, b < 0x80 ? (char)b : Replacement);
                i++;
                continue;
            }

            // RFC 2152 rule 2: "+-" is a plus sign.
            i++;
            if (i < bytes.Length && bytes[i] == (byte)'-')
            {
                EmitUnit(output, '+');
                i++;
                continue;
            }

            // Rule 2: a shifted sequence is modified base64 of UTF-16 big-endian, ended by the first byte
            // outside the alphabet; a '-' that ends it is absorbed. Bits left over (under 16) are discarded.
            uint bits = 0;
            var bitCount = 0;
            while (i < bytes.Length && s_base64Values[bytes[i]] is >= 0 and var value)
            {
                bits = (bits << 6) | (byte)value;
                bitCount += 6;
                if (bitCount >= 16)
                {
                    bitCount -= 16;
                    EmitUnit(output, (char)(bits >> bitCount));
                    bits &= (1u << bitCount) - 1;
                }

                i++;
            }

            if (i < bytes.Length && bytes[i] == (byte)'-')
            {
                i++;
            }
        }

        if (pendingHigh != '\0')
        {
            Emit(output, Replacement);
        }

        return written;
    }

    private static NotSupportedException WritingNotSupported() =>
        new("Postern reads UTF-7 but never writes it; outgoing mail is UTF-8.");

    private static sbyte[] CreateBase64Values()
    {
        var values = new sbyte[256];
        Array.Fill(values, (sbyte)-1);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var v = 0; v < Alphabet.Length; v++)
        {
            values[Alphabet[v]] = (sbyte)v;
        }

        return values;
    }
}
