namespace Postern.Data;

/// <summary>
/// One CommuniGate object: the value model shared by settings, preferences, skin Text Datasets and WSSP
/// datasets.
/// </summary>
/// <remarks>
/// Scalars (<see cref="DataString"/>, <see cref="DataNumber"/>, <see cref="DataTimestamp"/>,
/// <see cref="DataIPAddress"/>, <see cref="DataBlock"/>, <see cref="DataNull"/>) are immutable.
/// <see cref="DataArray"/> and <see cref="DataDictionary"/> are mutable until
/// <see cref="MakeReadOnly"/> is called, after which they may be shared between threads.
/// <see cref="ToString"/> gives the canonical text form.
/// </remarks>
public abstract class DataValue : IEquatable<DataValue>
{
    private protected DataValue()
    {
    }

    /// <summary>Which kind of object this is.</summary>
    public abstract DataKind Kind { get; }

    /// <summary>True for the null-value (<c>#NULL#</c>).</summary>
    public bool IsNull => Kind == DataKind.Null;

    /// <summary>True when the object can no longer change (scalars always; containers after <see cref="MakeReadOnly"/>).</summary>
    public virtual bool IsReadOnly => true;

    /// <summary>Makes this object and everything it contains unchangeable, so it can be cached and shared.</summary>
    /// <returns>This object.</returns>
    public virtual DataValue MakeReadOnly() => this;

    /// <summary>The string, when this object is a string; otherwise <see langword="null"/>.</summary>
    public string? AsString => (this as DataString)?.Value;

    /// <summary>Structural equality: same kind and equal content (dictionary key order does not matter).</summary>
    public abstract bool Equals(DataValue? other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DataValue other && Equals(other);

    /// <inheritdoc/>
    public abstract override int GetHashCode();

    /// <summary>The canonical (compact) text form of this object.</summary>
    public override string ToString() => DataWriter.Write(this);

    /// <summary>Reads one object from its text form.</summary>
    /// <exception cref="DataFormatException">The text is not a valid object.</exception>
    public static DataValue Parse(string text) => DataParser.Parse(text);

    /// <summary>A string object; a <see langword="null"/> string becomes the null-value.</summary>
    public static implicit operator DataValue(string? value) =>
        value is null ? DataNull.Value : DataString.From(value);

    /// <summary>A number object.</summary>
    public static implicit operator DataValue(long value) => new DataNumber(value);

    /// <summary>A time stamp object (converted to GMT, truncated to whole seconds).</summary>
    public static implicit operator DataValue(DateTime value) => new DataTimestamp(value);
}
