using System.Buffers;

namespace Postern.Mime.Text;

/// <summary>A growable byte buffer rented from the shared pool; dispose it to return the array.</summary>
internal struct ByteBuffer : IDisposable
{
    private byte[] _array;
    private int _length;

    public ByteBuffer(int capacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 16));
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    public void Append(byte b)
    {
        if (_length == _array.Length)
        {
            Grow(1);
        }

        _array[_length++] = b;
    }

    public void Append(scoped ReadOnlySpan<byte> bytes)
    {
        if (_array.Length - _length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_array.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Space for at least <paramref name="size"/> more bytes; call <see cref="Advance"/> after writing.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (_array.Length - _length < size)
        {
            Grow(size);
        }

        return _array.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public void Clear() => _length = 0;

    public readonly byte[] ToArray() => _array.AsSpan(0, _length).ToArray();

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + needed));
        _array.AsSpan(0, _length).CopyTo(bigger);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = bigger;
    }
}
