using System.Text;
using Postern.Sessions;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Tests.Support;

/// <summary>An asynchronous sink that keeps what it is given, as text messages.</summary>
internal sealed class RecordingSink : IXimssAsyncSink
{
    private readonly List<string> _messages = [];
    private TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
                return [.. _messages];
        }
    }

    public SessionEndReason? ClosedWith { get; private set; }

    /// <summary>Completes at the next delivery.</summary>
    public Task NextDelivery
    {
        get
        {
            lock (_messages)
                return _delivered.Task;
        }
    }

    /// <summary>Waits until a recorded message satisfies <paramref name="match"/> and returns it (30 s, generous for a busy machine).</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = NextDelivery;
            if (Messages.FirstOrDefault(match) is { } found)
                return found;
            await next.WaitAsync(timeout.Token);
        }
    }

    public bool Deliver(ReadOnlySpan<byte> messages)
    {
        var text = Encoding.UTF8.GetString(messages);
        lock (_messages)
        {
            _messages.AddRange(text.Split('\0', StringSplitOptions.RemoveEmptyEntries));
            _delivered.TrySetResult();
            _delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return true;
    }

    public void Close(SessionEndReason reason) => ClosedWith = reason;
}
