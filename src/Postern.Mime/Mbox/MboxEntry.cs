namespace Postern.Mime.Mbox;

/// <summary>Where one message lies in an mbox file.</summary>
/// <param name="MarkerOffset">Offset of the message's "From " separator line.</param>
/// <param name="Offset">Offset of the message itself, just after the separator line.</param>
/// <param name="EndOffset">End of the message: before the line break that precedes the next separator line.</param>
public readonly record struct MboxEntry(int MarkerOffset, int Offset, int EndOffset)
{
    /// <summary>The message's range, for slicing the mbox buffer.</summary>
    public Range Range => Offset..EndOffset;
}
