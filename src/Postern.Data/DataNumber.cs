namespace Postern.Data;

/// <summary>A 64-bit integer, written <c>#n</c>.</summary>
public sealed class DataNumber(long value) : DataValue
{
    /// <summary>The number.</summary>
    public long Value { get; } = value;

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.Number;

    /// <inheritdoc/>
    public override bool Equals(DataValue? other) => other is DataNumber n && n.Value == Value;

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();
}
