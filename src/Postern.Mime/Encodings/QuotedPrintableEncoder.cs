using System.Buffers;
using Postern.Mime.Parsing;

namespace Postern.Mime.Encodings;

/// <summary>Encodes text as quoted-printable (RFC 2045 §6.7), keeping CRLF line breaks as hard breaks.</summary>
public static class QuotedPrintableEncoder
{
    /// <summary>RFC 2045 §6.7(5): encoded lines are at most 76 characters, the soft break's '=' included.</summary>
    private const int MaxLineLength = 76;

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>Encodes <paramref name="data"/>, whose line breaks must be CRLF; bare CR or LF bytes are escaped.</summary>
    public static void Encode(ReadOnlySpan<byte> data, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == (byte)'\r' && i + 1 < data.Length && data[i + 1] == (byte)'\n')
            {
                Write(output, "\r\n"u8);
                line = 0;
                i++;
                continue;
            }

            var atLineEnd = i + 1 == data.Length || (data[i + 1] == (byte)'\r' && i + 2 < data.Length && data[i + 2] == (byte)'\n');

            // RFC 2045 §6.7(2): printable characters except '=' stand for themselves; (3): white space may too,
            // except at the end of a line, where it would be taken for padding.
            var literal = ByteClasses.Is(b, ByteClass.QuotedPrintableSafe) || (b is (byte)' ' or (byte)'\t' && !atLineEnd);
            var width = literal ? 1 : 3;

            // Leave room for the soft break '=' unless this is the last character of the line.
            var room = atLineEnd ? MaxLineLength : MaxLineLength - 1;
            if (line + width > room)
            {
                Write(output, "=\r\n"u8);   // RFC 2045 §6.7(5) soft line break
                line = 0;
            }

            if (literal)
            {
                Write(output, [b]);
            }
            else
            {
                Write(output, [(byte)'=', Hex[b >> 4], Hex[b & 0xF]]);
            }

            line += width;
        }
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
