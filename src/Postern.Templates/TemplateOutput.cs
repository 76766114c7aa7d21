using System.Buffers;

namespace Postern.Templates;

/// <summary>
/// A reusable character buffer that renders write into. Rent one per request (or keep one per thread) and
/// call <see cref="Clear"/> between renders: the buffer comes from <see cref="ArrayPool{T}.Shared"/> and
/// goes back on <see cref="Dispose"/>.
/// </summary>
public sealed class TemplateOutput : IDisposable
{
    private char[] _buffer;
    private int _length;

    /// <summary>Creates an output buffer with room for <paramref name="initialCapacity"/> characters.</summary>
    public TemplateOutput(int initialCapacity = 16 * 1024)
    {
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(initialCapacity, 256));
    }

    /// <summary>The characters written so far.</summary>
    public ReadOnlySpan<char> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>How many characters have been written.</summary>
    public int Length => _length;

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>The characters written, as a string.</summary>
    public override string ToString() => new(_buffer, 0, _length);

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
            ArrayPool<char>.Shared.Return(buffer);
    }

    /// <summary>
    /// True while values are written into a WML page: WML reads <c>$</c> as a variable reference, so a
    /// literal one must be written <c>$$</c> (WML 1.1, variable substitution); the page's own text is written as it is.
    /// </summary>
    internal bool DoublesDollarSigns { get; set; }

    internal void Write(char c)
    {
        if (c == '$' && DoublesDollarSigns)
            WriteRaw('$');
        WriteRaw(c);
    }

    private void WriteRaw(char c)
    {
        if (_length == _buffer.Length)
            Grow(1);
        _buffer[_length++] = c;
    }

    internal void Write(string text) => Write(text.AsSpan());

    internal void Write(ReadOnlySpan<char> text)
    {
        if (DoublesDollarSigns && text.Contains('$'))
        {
            foreach (var c in text)
                Write(c);
            return;
        }
        if (text.Length > _buffer.Length - _length)
            Grow(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>A span of at least <paramref name="sizeHint"/> free characters; follow with <see cref="Advance"/>.</summary>
    internal Span<char> GetSpan(int sizeHint)
    {
        if (sizeHint > _buffer.Length - _length)
            Grow(sizeHint);
        return _buffer.AsSpan(_length);
    }

    internal void Advance(int count) => _length += count;

    private void Grow(int needed)
    {
        var size = Math.Max(_buffer.Length * 2, _length + needed);
        var larger = ArrayPool<char>.Shared.Rent(size);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        if (_buffer.Length > 0)
            ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
