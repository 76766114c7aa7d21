using System.Buffers;
using System.Buffers.Text;

namespace Postern.Mime.Encodings;

/// <summary>Encodes bytes as base64 in 76-character lines ending in CRLF (RFC 2045 §6.8).</summary>
public static class Base64LineEncoder
{
    /// <summary>RFC 2045 §6.8: "encoded lines must not be longer than 76 characters"; 57 bytes make 76.</summary>
    private const int BytesPerLine = 57;

    /// <summary>Writes <paramref name="data"/> to <paramref name="output"/>, every line (the last too) ending in CRLF.</summary>
    public static void Encode(ReadOnlySpan<byte> data, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        while (!data.IsEmpty)
        {
            var chunk = data[..Math.Min(BytesPerLine, data.Length)];
            var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(chunk.Length) + 2);
            Base64.EncodeToUtf8(chunk, span, out _, out var written);
            span[written] = (byte)'\r';
            span[written + 1] = (byte)'\n';
            output.Advance(written + 2);
            data = data[chunk.Length..];
        }
    }
}
