namespace Postern.Mime.Encodings;

/// <summary>A quoted-printable decoder (RFC 2045 §6.7) that never fails.</summary>
/// <remarks>
/// Each call must end at a line break or at the end of the data (the streaming helpers cut chunks there),
/// so no state crosses calls. An '=' that is neither an escape nor a soft line break is kept as it is.
/// </remarks>
public struct QuotedPrintableDecoder
{
    /// <summary>Whether a malformed escape was kept literally.</summary>
    public bool SawInvalidInput { get; private set; }

    /// <summary>An output size that always suffices for decoding <paramref name="encodedLength"/> bytes.</summary>
    public static int MaxDecodedLength(int encodedLength) => encodedLength;

    /// <summary>Decodes whole lines of <paramref name="input"/> into <paramref name="output"/>; returns the bytes written.</summary>
    public int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        while (!input.IsEmpty)
        {
            var lf = input.IndexOf((byte)'\n');
            var line = lf < 0 ? input : input[..lf];
            var breakLength = lf < 0 ? 0 : 1;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
                breakLength++;
            }

            // RFC 2045 §6.7(3): white space at the end of an encoded line is padding and must be deleted.
            var content = line.TrimEnd(" \t"u8);

            // RFC 2045 §6.7(5): an '=' at the end of an encoded line is a soft line break.
            var soft = !content.IsEmpty && content[^1] == (byte)'=';
            written += DecodeLine(soft ? content[..^1] : content, output[written..]);
            if (!soft && breakLength > 0)
            {
                var lineBreak = input.Slice(line.Length, breakLength);
                lineBreak.CopyTo(output[written..]);
                written += breakLength;
            }

            input = lf < 0 ? default : input[(lf + 1)..];
        }

        return written;
    }

    /// <summary>Nothing is pending between calls; present so every decoder finishes the same way.</summary>
    public readonly int Finish(Span<byte> output) => 0;

    private int DecodeLine(ReadOnlySpan<byte> line, Span<byte> output)
    {
        var written = 0;
        while (!line.IsEmpty)
        {
            var eq = line.IndexOf((byte)'=');
            if (eq < 0)
            {
                line.CopyTo(output[written..]);
                return written + line.Length;
            }

            line[..eq].CopyTo(output[written..]);
            written += eq;
            if (eq + 2 < line.Length && HexValue(line[eq + 1]) is var hi and >= 0 && HexValue(line[eq + 2]) is var lo and >= 0)
            {
                // RFC 2045 §6.7(1); lower-case hex digits are accepted too, as §6.7 recommends for robustness.
                output[written++] = (byte)((hi << 4) | lo);
                line = line[(eq + 3)..];
            }
            else
            {
                SawInvalidInput = true;
                output[written++] = (byte)'=';
                line = line[(eq + 1)..];
            }
        }

        return written;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
