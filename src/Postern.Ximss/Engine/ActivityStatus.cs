namespace Postern.Ximss.Engine;

/// <summary>What a channel or session is doing right now, for the access monitor.</summary>
/// <remarks>Written by the request in progress and read by monitors on other threads; a torn read shows a stale value, never a wrong one.</remarks>
public sealed class ActivityStatus
{
    private string? _operation;
    private long _startedTicks;

    /// <summary>The operation in progress (<c>folderOpen</c>…), or null between requests.</summary>
    public string? Operation => Volatile.Read(ref _operation);

    /// <summary>When the operation in progress started.</summary>
    public DateTimeOffset? Started => Operation is null ? null : new DateTimeOffset(Interlocked.Read(ref _startedTicks), TimeSpan.Zero);

    /// <summary>A state word shown between operations (e.g. <c>polling</c>), or null.</summary>
    public string? State { get; set; }

    public void Begin(string operation, DateTimeOffset now)
    {
        Interlocked.Exchange(ref _startedTicks, now.UtcTicks);
        Volatile.Write(ref _operation, operation);
    }

    public void End() => Volatile.Write(ref _operation, null);
}
