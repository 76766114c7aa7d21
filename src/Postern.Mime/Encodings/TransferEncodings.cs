using System.Text;
using Postern.Mime.Parsing;

namespace Postern.Mime.Encodings;

/// <summary>Reads Content-Transfer-Encoding values and decodes bodies by them.</summary>
public static class TransferEncodings
{
    /// <summary>Reads a Content-Transfer-Encoding field value; case and surrounding white space do not matter.</summary>
    public static ContentTransferEncoding Parse(ReadOnlySpan<byte> value)
    {
        var token = Trim(value);
        if (token.IsEmpty)
        {
            return ContentTransferEncoding.Default;
        }

        if (Ascii.EqualsIgnoreCase(token, "7bit"u8))
        {
            return ContentTransferEncoding.SevenBit;
        }

        if (Ascii.EqualsIgnoreCase(token, "8bit"u8))
        {
            return ContentTransferEncoding.EightBit;
        }

        if (Ascii.EqualsIgnoreCase(token, "binary"u8))
        {
            return ContentTransferEncoding.Binary;
        }

        if (Ascii.EqualsIgnoreCase(token, "base64"u8))
        {
            return ContentTransferEncoding.Base64;
        }

        if (Ascii.EqualsIgnoreCase(token, "quoted-printable"u8))
        {
            return ContentTransferEncoding.QuotedPrintable;
        }

        if (Ascii.EqualsIgnoreCase(token, "x-uuencode"u8) || Ascii.EqualsIgnoreCase(token, "uuencode"u8)
            || Ascii.EqualsIgnoreCase(token, "x-uue"u8))
        {
            return ContentTransferEncoding.UUEncode;
        }

        return ContentTransferEncoding.Unknown;
    }

    /// <summary>The field value for <paramref name="encoding"/>, as a writer emits it.</summary>
    public static string ToHeaderValue(ContentTransferEncoding encoding) => encoding switch
    {
        ContentTransferEncoding.EightBit => "8bit",
        ContentTransferEncoding.Binary => "binary",
        ContentTransferEncoding.Base64 => "base64",
        ContentTransferEncoding.QuotedPrintable => "quoted-printable",
        ContentTransferEncoding.UUEncode => "x-uuencode",
        _ => "7bit",
    };

    /// <summary>Whether the body bytes are the content itself (no decoding needed).</summary>
    public static bool IsIdentity(ContentTransferEncoding encoding) =>
        encoding is not (ContentTransferEncoding.Base64 or ContentTransferEncoding.QuotedPrintable
            or ContentTransferEncoding.UUEncode);

    /// <summary>Decodes <paramref name="body"/>; identity encodings return it unchanged, without copying.</summary>
    /// <param name="invalid">Set when the encoded data was damaged (decoding still returns what it could).</param>
    public static ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> body, ContentTransferEncoding encoding, out bool invalid)
    {
        invalid = false;
        switch (encoding)
        {
            case ContentTransferEncoding.Base64:
            {
                var output = new byte[Base64Decoder.MaxDecodedLength(body.Length)];
                var decoder = new Base64Decoder();
                var written = decoder.Decode(body.Span, output);
                written += decoder.Finish(output.AsSpan(written));
                invalid = decoder.SawInvalidInput;
                return output.AsMemory(0, written);
            }

            case ContentTransferEncoding.QuotedPrintable:
            {
                var output = new byte[QuotedPrintableDecoder.MaxDecodedLength(body.Length)];
                var decoder = new QuotedPrintableDecoder();
                var written = decoder.Decode(body.Span, output);
                written += decoder.Finish(output.AsSpan(written));
                invalid = decoder.SawInvalidInput;
                return output.AsMemory(0, written);
            }

            case ContentTransferEncoding.UUEncode:
            {
                var blocks = UUDecoder.FindBlocks(body.Span);
                if (blocks.Count == 0)
                {
                    invalid = true;
                    return body;
                }

                invalid = !blocks[0].IsTerminated;
                return UUDecoder.Decode(body.Span[blocks[0].DataStart..blocks[0].DataEnd]);
            }

            default:
                return body;
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && ByteClasses.IsFoldingWhitespace(value[start]))
        {
            start++;
        }

        var end = start;
        while (end < value.Length && ByteClasses.Is(value[end], ByteClass.Token))
        {
            end++;
        }

        return value[start..end];
    }
}
