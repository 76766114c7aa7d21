namespace Postern.Mime.Encodings;

/// <summary>Where one uuencoded file lies in a text, from its <c>begin</c> line to its <c>end</c> line.</summary>
/// <param name="Start">Offset of the <c>begin</c> line.</param>
/// <param name="DataStart">Offset of the first encoded line.</param>
/// <param name="DataEnd">End of the last encoded line (where the <c>end</c> line starts).</param>
/// <param name="End">Offset after the <c>end</c> line, or the end of the text when it is missing.</param>
/// <param name="Mode">The Unix file mode from the <c>begin</c> line, in octal as written.</param>
/// <param name="FileName">The file name from the <c>begin</c> line.</param>
/// <param name="IsTerminated">Whether the block has its <c>end</c> line.</param>
public sealed record UUBlock(int Start, int DataStart, int DataEnd, int End, string Mode, string FileName, bool IsTerminated)
    : EmbeddedBlock(Start, DataStart, DataEnd, End, FileName, IsTerminated)
{
    /// <summary>The decoded size, computed from the line length characters without decoding.</summary>
    public override int EstimateDecodedSize(ReadOnlySpan<byte> text) => UUDecoder.DecodedLength(text[DataStart..DataEnd]);

    /// <inheritdoc/>
    public override byte[] Decode(ReadOnlySpan<byte> text, out bool damaged)
    {
        damaged = !IsTerminated;
        return UUDecoder.Decode(text[DataStart..DataEnd]);
    }
}
