using System.Buffers;
using System.Text;

namespace Postern.Mime.Text;

/// <summary>A growable char buffer rented from the shared pool; dispose it to return the array.</summary>
internal struct CharBuffer : IDisposable
{
    private char[] _array;
    private int _length;

    public CharBuffer(int capacity)
    {
        _array = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<char> WrittenSpan => _array.AsSpan(0, _length);

    public readonly char Last => _length == 0 ? '\0' : _array[_length - 1];

    public void Append(char c)
    {
        if (_length == _array.Length)
        {
            Grow(1);
        }

        _array[_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> chars)
    {
        if (_array.Length - _length < chars.Length)
        {
            Grow(chars.Length);
        }

        chars.CopyTo(_array.AsSpan(_length));
        _length += chars.Length;
    }

    /// <summary>Appends <paramref name="bytes"/> decoded with <paramref name="encoding"/>.</summary>
    public void Append(scoped ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        var max = encoding.GetMaxCharCount(bytes.Length);
        if (_array.Length - _length < max)
        {
            Grow(max);
        }

        _length += encoding.GetChars(bytes, _array.AsSpan(_length));
    }

    public void TrimEnd()
    {
        while (_length > 0 && char.IsWhiteSpace(_array[_length - 1]))
        {
            _length--;
        }
    }

    public void Truncate(int length) => _length = Math.Min(_length, length);

    public override readonly string ToString() => new(_array, 0, _length);

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_array.Length * 2, _length + needed));
        _array.AsSpan(0, _length).CopyTo(bigger);
        if (_array.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_array);
        }

        _array = bigger;
    }
}
