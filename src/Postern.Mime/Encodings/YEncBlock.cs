namespace Postern.Mime.Encodings;

/// <summary>Where one yEnc-encoded file (or one part of a file split over several messages) lies in a text.</summary>
/// <remarks>
/// Figures come from the block's own lines (yEnc 1.3): <c>=ybegin [part=N] [total=T] line=L size=S name=…</c>,
/// for a part <c>=ypart begin=B end=E</c>, and <c>=yend size=S [part=N] [pcrc32=X] [crc32=X]</c>. Each is null
/// when the line does not carry it.
/// </remarks>
/// <param name="FileSize">The whole file's size (<c>size</c> on <c>=ybegin</c>).</param>
/// <param name="PartNumber">The part number, for a file split into parts.</param>
/// <param name="TotalParts">How many parts the file was split into, when the encoder said.</param>
/// <param name="PartBegin">Where this part starts in the whole file, from 1 (<c>=ypart begin</c>).</param>
/// <param name="PartEnd">Where this part ends in the whole file, inclusive (<c>=ypart end</c>).</param>
/// <param name="EndSize">The size of this block's data according to <c>=yend</c>.</param>
/// <param name="PartCrc32">The CRC-32 of this part's data (<c>pcrc32</c>).</param>
/// <param name="FileCrc32">The CRC-32 of the whole file (<c>crc32</c>); for a part it cannot be checked alone.</param>
public sealed record YEncBlock(
    int Start,
    int DataStart,
    int DataEnd,
    int End,
    string FileName,
    bool IsTerminated,
    long? FileSize,
    int? PartNumber,
    int? TotalParts,
    long? PartBegin,
    long? PartEnd,
    long? EndSize,
    uint? PartCrc32,
    uint? FileCrc32)
    : EmbeddedBlock(Start, DataStart, DataEnd, End, FileName, IsTerminated)
{
    /// <summary>Whether this block holds one part of a file split over several messages.</summary>
    public bool IsPart => PartNumber is not null && TotalParts != 1;

    /// <summary>The decoded size: the <c>=yend</c> size, else the part's range, else the file size, else from the data length.</summary>
    public override int EstimateDecodedSize(ReadOnlySpan<byte> text)
    {
        var size = EndSize ?? (PartBegin is { } begin && PartEnd is { } end ? end - begin + 1 : (long?)null) ?? (IsPart ? null : FileSize);

        // Without figures: one byte per data byte, less the escapes and line breaks (about 2%).
        return (int)Math.Clamp(size ?? (DataEnd - DataStart) * 98L / 100, 0, int.MaxValue);
    }

    /// <inheritdoc/>
    public override byte[] Decode(ReadOnlySpan<byte> text, out bool damaged)
    {
        var bytes = YEncDecoder.Decode(text[DataStart..DataEnd]);
        var expectedCrc = PartCrc32 ?? (IsPart ? null : FileCrc32);
        damaged = !IsTerminated
            || (EndSize is { } size && size != bytes.Length)
            || (expectedCrc is { } crc && crc != Crc32.Compute(bytes));
        return bytes;
    }
}
