namespace Postern.Ximss.Protocol.Values;

/// <summary>Message UIDs <see cref="First"/> through <see cref="Last"/>, inclusive (1 ≤ First ≤ Last, RFC 3501 §2.3.1.1).</summary>
public readonly record struct UidRange(uint First, uint Last)
{
    /// <summary>True when <paramref name="uid"/> lies in the range.</summary>
    public bool Contains(uint uid) => uid >= First && uid <= Last;

    /// <summary>How many UIDs the range covers.</summary>
    public long Count => (long)Last - First + 1;
}
