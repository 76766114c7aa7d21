namespace Postern.Mime.Encodings;

/// <summary>
/// Decodes a base64 or quoted-printable body a chunk at a time into one reused buffer, so that a large
/// attachment is streamed (<see cref="MimePart.CopyDecodedContentToAsync"/>) or checked
/// (<see cref="MimePart.CheckContent"/>) without being held decoded in memory.
/// </summary>
internal sealed class ChunkedTransferDecoder
{
    /// <summary>The encoded bytes decoded per step: 64 KiB, a multiple of 4 (base64 quanta), small enough to stay out of the large object heap.</summary>
    private const int ChunkSize = 64 * 1024;

    private readonly ContentTransferEncoding _encoding;

    /// <summary>Room for a chunk decoded either way: quoted-printable never grows, base64 shrinks (plus a held quantum).</summary>
    private readonly byte[] _output = new byte[Math.Max(QuotedPrintableDecoder.MaxDecodedLength(ChunkSize), Base64Decoder.MaxDecodedLength(ChunkSize)) + 4];
    private Base64Decoder _base64;
    private QuotedPrintableDecoder _quotedPrintable;
    private ReadOnlyMemory<byte> _rest;
    private bool _finished;

    /// <summary>Decodes <paramref name="body"/>, which is base64 or quoted-printable.</summary>
    public ChunkedTransferDecoder(ReadOnlyMemory<byte> body, ContentTransferEncoding encoding)
    {
        if (encoding is not (ContentTransferEncoding.Base64 or ContentTransferEncoding.QuotedPrintable))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "only base64 and quoted-printable are decoded in chunks");
        }

        _rest = body;
        _encoding = encoding;
    }

    /// <summary>Whether damaged data was skipped or kept literally so far.</summary>
    public bool SawInvalidInput => _base64.SawInvalidInput || _quotedPrintable.SawInvalidInput;

    /// <summary>Decodes all of <paramref name="body"/>, keeping nothing, to learn whether it is damaged.</summary>
    public static bool IsDamaged(ReadOnlyMemory<byte> body, ContentTransferEncoding encoding)
    {
        var decoder = new ChunkedTransferDecoder(body, encoding);
        while (decoder.TryNext(out _))
        {
        }

        return decoder.SawInvalidInput;
    }

    /// <summary>Decodes the next chunk (possibly empty); false once the body is done. The chunk is valid until the next call.</summary>
    public bool TryNext(out ReadOnlyMemory<byte> decoded)
    {
        if (_rest.IsEmpty)
        {
            decoded = default;
            if (_finished)
            {
                return false;
            }

            // The last step hands out what the decoder still holds (base64 keeps an incomplete quantum).
            _finished = true;
            var held = _encoding == ContentTransferEncoding.Base64 ? _base64.Finish(_output) : _quotedPrintable.Finish(_output);
            decoded = _output.AsMemory(0, held);
            return true;
        }

        var chunk = NextChunk(_rest.Span);
        var written = _encoding == ContentTransferEncoding.Base64
            ? _base64.Decode(_rest.Span[..chunk], _output)
            : _quotedPrintable.Decode(_rest.Span[..chunk], _output);
        _rest = _rest[chunk..];
        decoded = _output.AsMemory(0, written);
        return true;
    }

    /// <summary>A prefix of <paramref name="rest"/> that ends at a line break, so no quoted-printable escape is split.</summary>
    private static int NextChunk(ReadOnlySpan<byte> rest)
    {
        if (rest.Length <= ChunkSize)
        {
            return rest.Length;
        }

        var lf = rest[..ChunkSize].LastIndexOf((byte)'\n');
        return lf < 0 ? ChunkSize : lf + 1;
    }
}
