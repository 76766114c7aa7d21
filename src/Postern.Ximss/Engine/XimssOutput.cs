using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Engine;

/// <summary>
/// Where the messages of one batch of requests go: a pooled buffer that the transport sends when the
/// batch (or a flush) is done. On TCP every message is zero-terminated; in an HTTP body it is not.
/// </summary>
public sealed class XimssOutput : IDisposable
{
    private readonly PooledBufferWriter _buffer = new();
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask>? _send;

    /// <param name="terminateMessages">True on TCP: each top-level message ends with a zero byte.</param>
    /// <param name="send">Sends what has been written so far, for <see cref="FlushAsync"/>; null when the output is sent as a whole.</param>
    internal XimssOutput(bool terminateMessages, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask>? send = null)
    {
        Writer = new XimssXmlWriter(_buffer) { TerminateMessages = terminateMessages };
        _send = send;
    }

    /// <summary>The writer for messages.</summary>
    public XimssXmlWriter Writer { get; }

    internal ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    internal int WrittenCount => _buffer.WrittenCount;

    /// <summary>How many times written messages were sent early by <see cref="FlushAsync"/>.</summary>
    internal int FlushCount { get; private set; }

    /// <summary>
    /// Sends the messages written so far when the transport can (TCP), so a long answer (thousands of
    /// reports) streams instead of piling up; a no-op for an HTTP body, which is sent whole.
    /// </summary>
    /// <remarks>Call it only between top-level messages.</remarks>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_send is null || _buffer.WrittenCount == 0 || Writer.Depth != 0)
            return;
        await _send(_buffer.WrittenMemory, cancellationToken);
        _buffer.Truncate(0);
        FlushCount++;
    }

    /// <summary>Drops what was written after <paramref name="count"/> bytes (an operation that failed half-way).</summary>
    internal void Truncate(int count)
    {
        _buffer.Truncate(count);
        Writer.Reset(_buffer);
    }

    internal void Clear() => Truncate(0);

    public void Dispose() => _buffer.Dispose();
}
