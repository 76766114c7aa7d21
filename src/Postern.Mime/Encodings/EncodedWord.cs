namespace Postern.Mime.Encodings;

/// <summary>One RFC 2047 encoded-word, <c>=?charset?encoding?text?=</c>, located in a span.</summary>
internal readonly ref struct EncodedWord
{
    public EncodedWord(ReadOnlySpan<byte> charset, byte encoding, ReadOnlySpan<byte> text, int length)
    {
        Charset = charset;
        Encoding = encoding;
        Text = text;
        Length = length;
    }

    public ReadOnlySpan<byte> Charset { get; }

    /// <summary>'B' or 'Q', upper-cased.</summary>
    public byte Encoding { get; }

    public ReadOnlySpan<byte> Text { get; }

    /// <summary>The length of the whole encoded-word, from "=?" to "?=".</summary>
    public int Length { get; }

    /// <summary>
    /// The longest encoded-word accepted. RFC 2047 §2 allows 75 characters; mailers that ignore that
    /// still stay within a line (998, RFC 5322 §2.1.1), which this leaves room for.
    /// </summary>
    public const int MaxLength = 1024;

    /// <summary>Reads the encoded-word that starts at the beginning of <paramref name="s"/>, if it is one.</summary>
    /// <remarks>
    /// RFC 2047 §2: <c>encoded-word = "=?" charset "?" encoding "?" encoded-text "?="</c>. Words longer than
    /// the 75 characters §2 allows are accepted (many mailers write them); white space inside is not.
    /// </remarks>
    public static bool TryRead(ReadOnlySpan<byte> s, out EncodedWord word)
    {
        word = default;

        // Only this far is searched for the closing "?=", so text full of unterminated "=?" costs linear time.
        s = s[..Math.Min(s.Length, MaxLength)];
        if (s.Length < 8 || s[0] != (byte)'=' || s[1] != (byte)'?')
        {
            return false;
        }

        var q1 = s[2..].IndexOf((byte)'?');
        if (q1 <= 0)
        {
            return false;
        }

        q1 += 2;
        if (q1 + 3 >= s.Length || s[q1 + 2] != (byte)'?')
        {
            return false;
        }

        var enc = (byte)(s[q1 + 1] & ~0x20);
        if (enc is not ((byte)'B' or (byte)'Q'))
        {
            return false;
        }

        var textStart = q1 + 3;
        var close = s[textStart..].IndexOf("?="u8);
        if (close < 0)
        {
            return false;
        }

        var charset = s[2..q1];
        var text = s.Slice(textStart, close);
        if (charset.IndexOfAny(" \t\r\n"u8) >= 0 || text.IndexOfAny(" \t\r\n"u8) >= 0)
        {
            return false;
        }

        word = new EncodedWord(charset, enc, text, textStart + close + 2);
        return true;
    }

    /// <summary>Appends the decoded bytes of the word's text to <paramref name="output"/>.</summary>
    public void DecodeTo(ref Text.ByteBuffer output)
    {
        if (Encoding == (byte)'B')
        {
            var span = output.GetSpan(Base64Decoder.MaxDecodedLength(Text.Length));
            var decoder = new Base64Decoder();
            var n = decoder.Decode(Text, span);
            n += decoder.Finish(span[n..]);
            output.Advance(n);
            return;
        }

        // RFC 2047 §4.2: "_" is SPACE and "=XX" is a byte in hex; everything else stands for itself.
        var text = Text;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'_')
            {
                output.Append((byte)' ');
            }
            else if (b == (byte)'=' && i + 2 < text.Length && Hex(text[i + 1]) is var hi and >= 0 && Hex(text[i + 2]) is var lo and >= 0)
            {
                output.Append((byte)((hi << 4) | lo));
                i += 2;
            }
            else
            {
                output.Append(b);
            }
        }
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
