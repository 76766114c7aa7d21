namespace Postern.Ximss.Sessions;

/// <summary>
/// Runs work items one at a time in the order they were queued: a session's requests from all its
/// transports (a TCP connection, HTTP <c>/sync</c> and <c>/async</c> posts) run in arrival order.
/// </summary>
/// <remarks>No task runs while the queue is idle; an idle queue holds one completed task.</remarks>
internal sealed class SerialQueue
{
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;

    /// <summary>Runs <paramref name="work"/> after everything queued before it has finished.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _tail;
            _tail = done.Task;
        }

        try
        {
            // The previous item never faults: its completion source is always set, below.
            await previous;
            return await work();
        }
        finally
        {
            done.SetResult();
            // An idle queue holds no finished item.
            lock (_gate)
            {
                if (ReferenceEquals(_tail, done.Task))
                    _tail = Task.CompletedTask;
            }
        }
    }

    /// <inheritdoc cref="RunAsync{T}(Func{Task{T}})"/>
    public Task RunAsync(Func<Task> work) => RunAsync(async () =>
    {
        await work();
        return true;
    });
}
