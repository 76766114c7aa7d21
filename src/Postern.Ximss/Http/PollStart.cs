namespace Postern.Ximss.Http;

/// <summary>What <see cref="AsyncBatchQueue.Poll"/> tells the poll to do.</summary>
internal readonly struct PollStart
{
    private PollStart(byte[]? batch, TaskCompletionSource<PollWake>? waiter, bool ended)
    {
        Batch = batch;
        Waiter = waiter;
        IsEnded = ended;
    }

    public static PollStart Ended => new(null, null, true);

    /// <summary>A batch to send now (new, or the kept one again).</summary>
    public byte[]? Batch { get; }

    /// <summary>Wait on this, then <see cref="AsyncBatchQueue.TakeBatch"/>.</summary>
    public TaskCompletionSource<PollWake>? Waiter { get; }

    public bool IsEnded { get; }

    public static PollStart Send(byte[] batch) => new(batch, null, false);

    public static PollStart Wait(TaskCompletionSource<PollWake> waiter) => new(null, waiter, false);
}
