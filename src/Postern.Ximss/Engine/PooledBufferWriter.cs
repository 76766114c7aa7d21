using System.Buffers;

namespace Postern.Ximss.Engine;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool and returned on
/// <see cref="Dispose"/>, so an idle session holds no output buffer.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    // A response of a few hundred bytes (most of them) fits the first rental.
    private const int InitialSize = 1024;

    private byte[] _buffer = [];
    private int _written;

    public int WrittenCount => _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _buffer.Length)
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Forgets everything written after <paramref name="count"/> bytes (keeps the buffer).</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _written);
        _written = count;
    }

    /// <summary>Returns the buffer to the pool; the writer may be used again afterwards.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _written = 0;
    }

    private void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
            return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(InitialSize, _buffer.Length * 2)));
        _buffer.AsSpan(0, _written).CopyTo(bigger);
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
