using System.Buffers;
using System.Buffers.Text;

namespace Postern.Mime.Encodings;

/// <summary>
/// A base64 decoder (RFC 2045 §6.8) that keeps its state between calls, so a body can be decoded in chunks.
/// </summary>
/// <remarks>
/// RFC 2045 §6.8: "Any characters outside of the base64 alphabet are to be ignored in base64-encoded
/// data." Line breaks and stray characters are skipped, padding in the middle ends a quantum (so
/// concatenated base64 decodes), and a truncated last quantum yields the bytes it holds.
/// </remarks>
public struct Base64Decoder
{
    private static readonly sbyte[] s_values = BuildValues();

    private uint _quantum;
    private int _count;

    /// <summary>Whether characters outside the base64 alphabet (other than white space) were skipped.</summary>
    public bool SawInvalidInput { get; private set; }

    /// <summary>An output size that always suffices for decoding <paramref name="encodedLength"/> bytes.</summary>
    public static int MaxDecodedLength(int encodedLength) => (encodedLength / 4 * 3) + 3;

    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/> and returns the bytes written.</summary>
    /// <remarks><paramref name="output"/> must hold <see cref="MaxDecodedLength"/> of the input length.</remarks>
    public int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        if (_count == 0)
        {
            // Fast path: the vectorised BCL decoder handles clean data (and skips white space since .NET 8);
            // it stops at the first byte it cannot take, and the loop below carries on from there.
            var status = Base64.DecodeFromUtf8(input, output, out var consumed, out written, isFinalBlock: false);
            input = input[consumed..];
            if (status == OperationStatus.Done)
            {
                return written;
            }
        }

        foreach (var b in input)
        {
            var value = s_values[b];
            if (value >= 0)
            {
                _quantum = (_quantum << 6) | (byte)value;
                if (++_count == 4)
                {
                    output[written++] = (byte)(_quantum >> 16);
                    output[written++] = (byte)(_quantum >> 8);
                    output[written++] = (byte)_quantum;
                    _quantum = 0;
                    _count = 0;
                }
            }
            else if (b == (byte)'=')
            {
                written += Flush(output[written..]);
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                SawInvalidInput = true;
            }
        }

        return written;
    }

    /// <summary>Writes what a truncated last quantum holds; call it once after the last chunk.</summary>
    public int Finish(Span<byte> output) => Flush(output);

    private int Flush(Span<byte> output)
    {
        var written = 0;
        switch (_count)
        {
            case 1:
                // Six bits cannot make a byte: the data was cut.
                SawInvalidInput = true;
                break;
            case 2:
                output[written++] = (byte)(_quantum >> 4);
                break;
            case 3:
                output[written++] = (byte)(_quantum >> 10);
                output[written++] = (byte)(_quantum >> 2);
                break;
        }

        _quantum = 0;
        _count = 0;
        return written;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[256];
        Array.Fill(values, (sbyte)-1);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
