namespace Postern.Data;

/// <summary>Binary data, written as base64 in brackets: <c>[HcqHfHI=]</c>.</summary>
public sealed class DataBlock : DataValue
{
    private readonly byte[] _bytes;

    /// <summary>Creates a datablock holding a copy of <paramref name="bytes"/>.</summary>
    public DataBlock(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes.ToArray();
    }

    private DataBlock(byte[] owned, bool _)
    {
        _bytes = owned;
    }

    /// <summary>The bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.DataBlock;

    /// <summary>Wraps an array this object may keep without copying (the caller gives it up).</summary>
    internal static DataBlock FromOwned(byte[] owned) => new(owned, true);

    /// <inheritdoc/>
    public override bool Equals(DataValue? other) => other is DataBlock b && b._bytes.AsSpan().SequenceEqual(_bytes);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
