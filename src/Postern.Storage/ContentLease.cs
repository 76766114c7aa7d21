namespace Postern.Storage;

/// <summary>
/// A stored message's bytes lent as memory (<see cref="IMessageRepository.LeaseContentAsync"/>): parse them in place,
/// then dispose the lease.
/// </summary>
/// <remarks>
/// A backend may lend a view of its own storage (the SQLite store maps large messages straight from its pack
/// files), so neither <see cref="Content"/> nor anything parsed from it may be used after <see cref="Dispose"/>:
/// whoever holds the lease owns everything made from its bytes. Memory taken from a disposed view throws
/// <see cref="ObjectDisposedException"/> when read. The lease stays readable when the message is expunged, or
/// its storage compacted, while it is held.
/// </remarks>
public sealed class ContentLease : IDisposable
{
    private readonly ReadOnlyMemory<byte> _content;
    private IDisposable? _owner;
    private int _disposed;

    /// <summary>Lends <paramref name="content"/>; disposing the lease disposes <paramref name="owner"/>, which keeps it valid until then.</summary>
    /// <param name="content">The message's bytes.</param>
    /// <param name="owner">What keeps <paramref name="content"/> valid (a mapped view), or null for memory the garbage collector owns.</param>
    public ContentLease(ReadOnlyMemory<byte> content, IDisposable? owner)
    {
        _content = content;
        _owner = owner;
    }

    /// <summary>The message's bytes.</summary>
    /// <exception cref="ObjectDisposedException">The lease was disposed.</exception>
    public ReadOnlyMemory<byte> Content
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _content;
        }
    }

    /// <summary>Ends the lease: the content and everything parsed from it may no longer be used.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        Interlocked.Exchange(ref _owner, null)?.Dispose();
    }
}
