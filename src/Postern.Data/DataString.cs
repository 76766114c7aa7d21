namespace Postern.Data;

/// <summary>A text string. Written as an atom when it is safe to, otherwise quoted with escapes.</summary>
public sealed class DataString : DataValue
{
    /// <summary>Creates a string object.</summary>
    public DataString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The empty string.</summary>
    public static DataString Empty { get; } = new("");

    /// <summary>The string <c>YES</c>, CommuniGate's true-value.</summary>
    public static DataString Yes { get; } = new("YES");

    /// <summary>The string <c>NO</c>.</summary>
    public static DataString No { get; } = new("NO");

    /// <summary>The text.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.String;

    /// <summary>A string object, reusing the shared instances for <c>""</c>, <c>YES</c> and <c>NO</c>.</summary>
    public static DataString From(string value) => value switch
    {
        "" => Empty,
        "YES" => Yes,
        "NO" => No,
        _ => new DataString(value),
    };

    /// <inheritdoc/>
    public override bool Equals(DataValue? other) => other is DataString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}
