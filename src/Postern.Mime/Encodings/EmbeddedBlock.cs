namespace Postern.Mime.Encodings;

/// <summary>Where one file encoded inside a text (uuencoded or yEnc) lies, from its first header line to its end line.</summary>
/// <param name="Start">Offset of the first line (<c>begin</c> or <c>=ybegin</c>).</param>
/// <param name="DataStart">Offset of the first encoded line.</param>
/// <param name="DataEnd">End of the last encoded line (where the end line starts).</param>
/// <param name="End">Offset after the end line, or where the data stops when the end line is missing.</param>
/// <param name="FileName">The file name from the first line.</param>
/// <param name="IsTerminated">Whether the block has its end line.</param>
public abstract record EmbeddedBlock(int Start, int DataStart, int DataEnd, int End, string FileName, bool IsTerminated)
{
    /// <summary>The decoded size, from the block's own figures where it has them, without decoding.</summary>
    public abstract int EstimateDecodedSize(ReadOnlySpan<byte> text);

    /// <summary>Decodes the file from <paramref name="text"/> (the text the block was found in).</summary>
    /// <param name="damaged">Set when the block is unterminated or its data does not match its own size or checksum.</param>
    public abstract byte[] Decode(ReadOnlySpan<byte> text, out bool damaged);
}
