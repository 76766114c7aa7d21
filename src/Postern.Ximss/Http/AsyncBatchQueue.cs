using System.Buffers;
using System.Globalization;
using System.Text;

namespace Postern.Ximss.Http;

/// <summary>
/// The asynchronous messages of an HTTP session, numbered into <c>&lt;XIMSS respSeq="N"&gt;</c> batches
/// for the long-poll channel (seed, "HTTP Binding"; docs/ximss.md §2).
/// </summary>
/// <remarks>
/// Messages wait in <c>pending</c> until a poll takes them as the next batch. The server keeps the last
/// batch it composed until the client acknowledges it (<c>ackSeq</c> ≥ its number, or a poll without
/// <c>ackSeq</c>); a poll that acknowledges less gets the kept batch again, so a reply lost on the way
/// is resent. At most one poll waits at a time: a newer one replaces it.
/// </remarks>
internal sealed class AsyncBatchQueue(int maxPendingBytes)
{
    private readonly Lock _gate = new();
    private byte[] _pending = [];
    private int _pendingLength;
    private long _lastSequence;
    private byte[]? _kept;
    private long _keptSequence;
    private TaskCompletionSource<PollWake>? _waiter;
    private bool _closed;

    /// <summary>Bytes waiting for a poll.</summary>
    public int PendingBytes
    {
        get
        {
            lock (_gate)
                return _pendingLength;
        }
    }

    /// <summary>True while a poll is parked.</summary>
    public bool HasWaiter
    {
        get
        {
            lock (_gate)
                return _waiter is not null;
        }
    }

    /// <summary>Adds zero-terminated messages (the zero bytes are dropped: an HTTP body is not framed).</summary>
    /// <returns>False when that would hold more than the limit; nothing is added then.</returns>
    public bool Append(ReadOnlySpan<byte> framedMessages)
    {
        TaskCompletionSource<PollWake>? wake;
        lock (_gate)
        {
            if (_closed)
                return true;
            if (_pendingLength + framedMessages.Length > maxPendingBytes)
                return false;
            Reserve(_pendingLength + framedMessages.Length);
            foreach (var b in framedMessages)
            {
                // XML text never holds a zero byte (the writer replaces it), so every zero is a terminator.
                if (b != 0)
                    _pending[_pendingLength++] = b;
            }
            wake = _waiter;
            _waiter = null;
        }
        wake?.TrySetResult(PollWake.Messages);
        return true;
    }

    /// <summary>Starts a poll: acknowledges, then returns a batch to send, or a task to wait on.</summary>
    /// <param name="acknowledged">The client's <c>ackSeq</c>; null acknowledges every batch kept.</param>
    public PollStart Poll(long? acknowledged)
    {
        TaskCompletionSource<PollWake>? replaced;
        PollStart start;
        lock (_gate)
        {
            if (_closed)
                return PollStart.Ended;
            if (_kept is not null && (acknowledged is null || acknowledged >= _keptSequence))
                _kept = null;
            if (_kept is not null)
                return PollStart.Send(_kept);
            if (_pendingLength > 0)
                return PollStart.Send(ComposeBatch());

            replaced = _waiter;
            _waiter = new TaskCompletionSource<PollWake>(TaskCreationOptions.RunContinuationsAsynchronously);
            start = PollStart.Wait(_waiter);
        }
        replaced?.TrySetResult(PollWake.Replaced);
        return start;
    }

    /// <summary>After a wake: the next batch when messages are there, else null (answer <c>&lt;XIMSS/&gt;</c>).</summary>
    public byte[]? TakeBatch()
    {
        lock (_gate)
            return !_closed && _kept is null && _pendingLength > 0 ? ComposeBatch() : _kept;
    }

    /// <summary>Stops waiting (the poll timed out or its client left); a no-op when the waiter was already replaced.</summary>
    public void CancelWait(TaskCompletionSource<PollWake> waiter)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_waiter, waiter))
                _waiter = null;
        }
    }

    /// <summary>Takes the pending messages to append to a sync reply (<c>syncAsync=1</c>), unbatched.</summary>
    public byte[] TakePending()
    {
        lock (_gate)
        {
            var messages = _pending.AsSpan(0, _pendingLength).ToArray();
            ReleasePending();
            return messages;
        }
    }

    /// <summary>The session ended: a parked poll returns, later polls find nothing.</summary>
    public void Close()
    {
        TaskCompletionSource<PollWake>? wake;
        lock (_gate)
        {
            _closed = true;
            wake = _waiter;
            _waiter = null;
            _kept = null;
            ReleasePending();
        }
        wake?.TrySetResult(PollWake.Ended);
    }

    private byte[] ComposeBatch()
    {
        _keptSequence = ++_lastSequence;
        var start = Encoding.ASCII.GetBytes("<XIMSS respSeq=\"" + _keptSequence.ToString(CultureInfo.InvariantCulture) + "\">");
        var end = "</XIMSS>"u8;
        var batch = new byte[start.Length + _pendingLength + end.Length];
        start.CopyTo(batch, 0);
        _pending.AsSpan(0, _pendingLength).CopyTo(batch.AsSpan(start.Length));
        end.CopyTo(batch.AsSpan(start.Length + _pendingLength));
        ReleasePending();
        _kept = batch;
        return batch;
    }

    private void Reserve(int size)
    {
        if (size <= _pending.Length)
            return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(size, 512));
        _pending.AsSpan(0, _pendingLength).CopyTo(bigger);
        if (_pending.Length > 0)
            ArrayPool<byte>.Shared.Return(_pending);
        _pending = bigger;
    }

    // An idle session holds no pending buffer.
    private void ReleasePending()
    {
        if (_pending.Length > 0)
            ArrayPool<byte>.Shared.Return(_pending);
        _pending = [];
        _pendingLength = 0;
    }
}
