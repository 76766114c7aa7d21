using System.Collections;

namespace Postern.Data;

/// <summary>An ordered list of objects, written <c>(a,"b c",#3)</c>.</summary>
/// <remarks>
/// A <see langword="null"/> element is stored as <see cref="DataNull.Value"/>, so the list never holds C#
/// nulls. After <see cref="MakeReadOnly"/> every change throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class DataArray : DataValue, IList<DataValue>, IReadOnlyList<DataValue>
{
    private readonly List<DataValue> _items;
    private bool _readOnly;

    /// <summary>Creates an empty array.</summary>
    public DataArray()
    {
        _items = [];
    }

    /// <summary>Creates an array with room for <paramref name="capacity"/> elements.</summary>
    public DataArray(int capacity)
    {
        _items = new List<DataValue>(capacity);
    }

    /// <summary>Creates an array holding <paramref name="items"/>.</summary>
    public DataArray(IEnumerable<DataValue?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items.Select(OrNull)];
    }

    /// <summary>Creates an array of strings.</summary>
    public static DataArray OfStrings(IEnumerable<string> items) => new(items.Select(s => (DataValue?)DataString.From(s)));

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.Array;

    /// <inheritdoc/>
    public override bool IsReadOnly => _readOnly;

    /// <inheritdoc cref="ICollection{T}.Count"/>
    public int Count => _items.Count;

    /// <inheritdoc cref="IList{T}.this"/>
    public DataValue this[int index]
    {
        get => _items[index];
        set
        {
            ThrowIfReadOnly();
            _items[index] = OrNull(value);
        }
    }

    /// <inheritdoc/>
    public override DataValue MakeReadOnly()
    {
        if (_readOnly)
            return this;
        _readOnly = true;
        foreach (var item in _items)
            item.MakeReadOnly();
        return this;
    }

    /// <inheritdoc/>
    public void Add(DataValue item)
    {
        ThrowIfReadOnly();
        _items.Add(OrNull(item));
    }

    /// <inheritdoc/>
    public void Insert(int index, DataValue item)
    {
        ThrowIfReadOnly();
        _items.Insert(index, OrNull(item));
    }

    /// <inheritdoc/>
    public bool Remove(DataValue item)
    {
        ThrowIfReadOnly();
        return _items.Remove(item);
    }

    /// <inheritdoc/>
    public void RemoveAt(int index)
    {
        ThrowIfReadOnly();
        _items.RemoveAt(index);
    }

    /// <inheritdoc/>
    public void Clear()
    {
        ThrowIfReadOnly();
        _items.Clear();
    }

    /// <inheritdoc/>
    public int IndexOf(DataValue item) => _items.IndexOf(item);

    /// <inheritdoc/>
    public bool Contains(DataValue item) => _items.Contains(item);

    /// <inheritdoc/>
    public void CopyTo(DataValue[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    /// <summary>Enumerates the elements without allocating.</summary>
    public List<DataValue>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<DataValue> IEnumerable<DataValue>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public override bool Equals(DataValue? other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (other is not DataArray array || array.Count != Count)
            return false;
        for (var i = 0; i < _items.Count; i++)
        {
            if (!_items[i].Equals(array._items[i]))
                return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(DataKind.Array, Count);

    private static DataValue OrNull(DataValue? value) => value ?? DataNull.Value;

    private void ThrowIfReadOnly()
    {
        if (_readOnly)
            throw new InvalidOperationException("This array is read-only.");
    }
}
