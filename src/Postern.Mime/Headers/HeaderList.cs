using System.Collections;
using Postern.Mime.Addresses;
using Postern.Mime.Parsing;

namespace Postern.Mime.Headers;

/// <summary>The fields of one header block, in order, over the raw bytes they came from.</summary>
/// <remarks>
/// Lookups by name are case-insensitive and allocate nothing; values are decoded only when asked for.
/// Use <see cref="Parse"/> on a stored header block (for example a folder view's copy of each message's
/// header) to answer arbitrary fields without the message body.
/// </remarks>
public sealed class HeaderList : IReadOnlyList<HeaderField>
{
    private readonly ReadOnlyMemory<byte> _source;
    private readonly FieldRange[] _fields;
    private readonly int _start;
    private readonly int _end;

    internal HeaderList(ReadOnlyMemory<byte> source, FieldRange[] fields, int start, int end, IReadOnlyList<MimeDefect> defects)
    {
        _source = source;
        _fields = fields;
        _start = start;
        _end = end;
        Defects = defects;
    }

    /// <summary>A list with no fields.</summary>
    public static HeaderList Empty { get; } = new(ReadOnlyMemory<byte>.Empty, [], 0, 0, []);

    /// <summary>The header block's bytes: every field as written, without the empty line that ends the block.</summary>
    public ReadOnlyMemory<byte> RawBlock => _source[_start.._end];

    /// <summary>Problems found while splitting the block (only set by <see cref="Parse"/>; parts carry their own).</summary>
    public IReadOnlyList<MimeDefect> Defects { get; }

    /// <inheritdoc/>
    public int Count => _fields.Length;

    /// <inheritdoc/>
    public HeaderField this[int index] => new(_source, _fields[index]);

    /// <summary>Splits a header block (with or without its ending empty line, or a whole message) into fields.</summary>
    public static HeaderList Parse(ReadOnlyMemory<byte> headerBlock, MimeLimits? limits = null)
    {
        var defects = default(DefectList);
        var block = HeaderScanner.Scan(headerBlock.Span, 0, headerBlock.Length, limits ?? MimeLimits.Default,
            skipMboxMarker: true, boundaries: null, ref defects);
        return new HeaderList(headerBlock, block.Fields, block.Start, block.FieldsEnd, defects.ToReadOnly());
    }

    /// <summary>Finds the first field called <paramref name="name"/>.</summary>
    public bool TryGet(string name, out HeaderField field)
    {
        var i = IndexOf(name);
        field = i < 0 ? default : this[i];
        return i >= 0;
    }

    /// <summary>Whether a field called <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Every field called <paramref name="name"/>, in order.</summary>
    public IEnumerable<HeaderField> GetAll(string name)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            var field = this[i];
            if (field.Is(name))
            {
                yield return field;
            }
        }
    }

    /// <summary>The decoded text of the first field called <paramref name="name"/>, or null.</summary>
    public string? GetText(string name) => TryGet(name, out var field) ? field.GetText() : null;

    /// <summary>The addresses of every field called <paramref name="name"/> (RFC 5322 allows one, mail has several).</summary>
    public AddressList GetAddresses(string name)
    {
        AddressList? result = null;
        foreach (var field in GetAll(name))
        {
            var list = field.GetAddresses();
            result = result is null ? list : result.Concat(list);
        }

        return result ?? AddressList.Empty;
    }

    /// <summary>The first field called <paramref name="name"/> read as a date, or null when absent or unreadable.</summary>
    public DateTimeOffset? GetDate(string name = "Date") => TryGet(name, out var field) ? field.GetDate() : null;

    /// <summary>The message identifiers in the first field called <paramref name="name"/>, without angle brackets.</summary>
    public IReadOnlyList<string> GetMessageIds(string name) => TryGet(name, out var field) ? field.GetMessageIds() : [];

    /// <inheritdoc/>
    public IEnumerator<HeaderField> GetEnumerator()
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal FieldRange RangeAt(int index) => _fields[index];

    private int IndexOf(string name)
    {
        var span = _source.Span;
        for (var i = 0; i < _fields.Length; i++)
        {
            var f = _fields[i];
            if (f.NameEnd - f.Start == name.Length && System.Text.Ascii.EqualsIgnoreCase(span[f.Start..f.NameEnd], name))
            {
                return i;
            }
        }

        return -1;
    }
}
