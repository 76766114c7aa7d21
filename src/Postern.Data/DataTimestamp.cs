namespace Postern.Data;

/// <summary>
/// A moment in GMT with whole-second precision, written <c>#Tdd-mm-yyyy_hh:mm:ss</c>; the remote past and
/// remote future are written <c>#TPAST</c> and <c>#TFUTURE</c>.
/// </summary>
/// <remarks>
/// The text form carries no fraction of a second, so the constructor drops it: a value then survives a
/// write and a read unchanged.
/// </remarks>
public sealed class DataTimestamp : DataValue
{
    /// <summary>Creates a time stamp; local and unspecified times are taken as they are converted to UTC.</summary>
    public DataTimestamp(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        Value = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>Creates a time stamp from a moment with an offset.</summary>
    public DataTimestamp(DateTimeOffset value)
        : this(value.UtcDateTime)
    {
    }

    /// <summary>The remote past (<c>#TPAST</c>): earlier than any real moment.</summary>
    public static DataTimestamp RemotePast { get; } = new(DateTime.MinValue);

    /// <summary>The remote future (<c>#TFUTURE</c>): later than any real moment.</summary>
    public static DataTimestamp RemoteFuture { get; } = new(DateTime.MaxValue);

    /// <summary>The moment, in UTC, whole seconds.</summary>
    public DateTime Value { get; }

    /// <summary>True for <see cref="RemotePast"/>.</summary>
    public bool IsRemotePast => Value == RemotePast.Value;

    /// <summary>True for <see cref="RemoteFuture"/>.</summary>
    public bool IsRemoteFuture => Value == RemoteFuture.Value;

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.Timestamp;

    /// <inheritdoc/>
    public override bool Equals(DataValue? other) => other is DataTimestamp t && t.Value == Value;

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();
}
