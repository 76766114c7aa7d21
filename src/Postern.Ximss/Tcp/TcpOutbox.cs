using System.Buffers;
using System.IO.Pipelines;
using Postern.Sessions;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Tcp;

/// <summary>
/// The outgoing side of a TCP channel: responses from the connection's loop and asynchronous messages
/// from any thread go into one queue, in order, and one flush at a time moves them to the socket.
/// Never blocks a sender: a client that stops reading is cut off at <see cref="XimssServerLimits.MaxUnsentBytes"/>.
/// </summary>
internal sealed class TcpOutbox(PipeWriter output, int maxUnsentBytes, Action onOverflow) : IXimssAsyncSink
{
    private readonly Lock _gate = new();
    private PipeWriter _output = output;
    private Queue<byte[]>? _queue;
    private long _unsent;
    private bool _flushing;
    private bool _closed;
    private TaskCompletionSource? _drained;

    /// <summary>Bytes queued or being flushed.</summary>
    public long Unsent
    {
        get
        {
            lock (_gate)
                return _unsent;
        }
    }

    /// <summary>Queues zero-terminated messages for sending.</summary>
    /// <returns>False when the client has left too much unread; the connection is then being closed.</returns>
    public bool Send(ReadOnlySpan<byte> messages)
    {
        if (messages.IsEmpty)
            return true;
        lock (_gate)
        {
            if (_closed)
                return true;
            if (_unsent + messages.Length > maxUnsentBytes)
            {
                _closed = true;
                onOverflow();
                return false;
            }
            (_queue ??= new Queue<byte[]>()).Enqueue(messages.ToArray());
            _unsent += messages.Length;
            if (_flushing)
                return true;
            _flushing = true;
        }
        _ = FlushLoopAsync();
        return true;
    }

    /// <summary>Completes when everything queued so far has been handed to the socket.</summary>
    public Task DrainAsync()
    {
        lock (_gate)
        {
            if (!_flushing)
                return Task.CompletedTask;
            return (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Sends through another writer from now on (the TLS stream after <c>starttls</c>); call after <see cref="DrainAsync"/>.</summary>
    public void Retarget(PipeWriter output)
    {
        lock (_gate)
            _output = output;
    }

    bool IXimssAsyncSink.Deliver(ReadOnlySpan<byte> messages) => Send(messages);

    // The connection watches its session's end itself; nothing to wake here.
    void IXimssAsyncSink.Close(SessionEndReason reason)
    {
    }

    private async Task FlushLoopAsync()
    {
        try
        {
            while (true)
            {
                byte[][] chunks;
                PipeWriter writer;
                lock (_gate)
                {
                    if (_queue is null || _queue.Count == 0 || _closed)
                    {
                        StopFlushing();
                        return;
                    }
                    chunks = [.. _queue];
                    _queue.Clear();
                    writer = _output;
                }

                long sent = 0;
                foreach (var chunk in chunks)
                {
                    writer.Write(chunk);
                    sent += chunk.Length;
                }
                var result = await writer.FlushAsync();
                lock (_gate)
                {
                    _unsent -= sent;
                    if (result.IsCompleted || result.IsCanceled)
                        _closed = true;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is gone (reset, or its pipe completed): nothing more can be sent.
            lock (_gate)
            {
                _closed = true;
                StopFlushing();
            }
        }
    }

    // Called under the lock.
    private void StopFlushing()
    {
        _flushing = false;
        _queue = null;
        _drained?.TrySetResult();
        _drained = null;
    }
}
