namespace Postern.Data;

/// <summary>The null-value, written <c>#NULL#</c>. There is one instance, <see cref="Value"/>.</summary>
public sealed class DataNull : DataValue
{
    private DataNull()
    {
    }

    /// <summary>The null-value.</summary>
    public static DataNull Value { get; } = new();

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.Null;

    /// <inheritdoc/>
    public override bool Equals(DataValue? other) => other is DataNull;

    /// <inheritdoc/>
    public override int GetHashCode() => 0;
}
