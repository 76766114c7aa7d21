using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Postern.Data;

/// <summary>String keys mapped to objects, in insertion order, written <c>{Key=Value;Key2=(x,y);}</c>.</summary>
/// <remarks>
/// <para>Keys are case-insensitive by default, as in WSSP datasets, the Session Dataset and skin Text
/// Datasets; pass <c>caseSensitive: true</c> for the CG/PL default. The spelling of a key is kept as it was
/// first added.</para>
/// <para>Assigning <see langword="null"/> through the indexer removes the key (as assigning the null-value
/// does in CG/PL); <see cref="DataNull.Value"/> is stored as an explicit <c>#NULL#</c>.</para>
/// <para>After <see cref="MakeReadOnly"/> every change throws <see cref="InvalidOperationException"/>.</para>
/// </remarks>
public sealed class DataDictionary : DataValue, IDictionary<string, DataValue>, IReadOnlyDictionary<string, DataValue>, IDataLookup
{
    private readonly OrderedDictionary<string, DataValue> _entries;
    private bool _readOnly;

    /// <summary>Creates an empty dictionary.</summary>
    /// <param name="caseSensitive">Whether keys differing only in letter case are different keys.</param>
    public DataDictionary(bool caseSensitive = false)
    {
        _entries = new OrderedDictionary<string, DataValue>(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Creates an empty dictionary with room for <paramref name="capacity"/> keys.</summary>
    public DataDictionary(int capacity, bool caseSensitive = false)
    {
        _entries = new OrderedDictionary<string, DataValue>(capacity, caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether keys differing only in letter case are different keys.</summary>
    public bool CaseSensitive => ReferenceEquals(_entries.Comparer, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.Dictionary;

    /// <inheritdoc/>
    public override bool IsReadOnly => _readOnly;

    /// <inheritdoc cref="ICollection{T}.Count"/>
    public int Count => _entries.Count;

    /// <summary>The keys, in order.</summary>
    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>The values, in key order.</summary>
    public IEnumerable<DataValue> Values => _entries.Values;

    ICollection<string> IDictionary<string, DataValue>.Keys => _entries.Keys;

    ICollection<DataValue> IDictionary<string, DataValue>.Values => _entries.Values;

    /// <summary>Gets the value of <paramref name="key"/>, or sets it (<see langword="null"/> removes the key).</summary>
    /// <exception cref="KeyNotFoundException">Getting a key that is not present.</exception>
    public DataValue this[string key]
    {
        get => _entries[key];
        set
        {
            ThrowIfReadOnly();
            if (value is null)
                _entries.Remove(key);
            else
                _entries[key] = value;
        }
    }

    /// <summary>The value of <paramref name="key"/>, or <see langword="null"/> when it is not present.</summary>
    public DataValue? Find(string key) => _entries.TryGetValue(key, out var value) ? value : null;

    /// <summary>The entry at <paramref name="index"/> in insertion order.</summary>
    public KeyValuePair<string, DataValue> GetAt(int index) => _entries.GetAt(index);

    /// <inheritdoc/>
    public override DataValue MakeReadOnly()
    {
        if (_readOnly)
            return this;
        _readOnly = true;
        foreach (var entry in _entries)
            entry.Value.MakeReadOnly();
        return this;
    }

    /// <inheritdoc/>
    public void Add(string key, DataValue value)
    {
        ThrowIfReadOnly();
        ArgumentNullException.ThrowIfNull(value);
        _entries.Add(key, value);
    }

    /// <summary>Adds the key unless it is present; returns whether it was added.</summary>
    public bool TryAdd(string key, DataValue value)
    {
        ThrowIfReadOnly();
        ArgumentNullException.ThrowIfNull(value);
        return _entries.TryAdd(key, value);
    }

    /// <inheritdoc/>
    public bool Remove(string key)
    {
        ThrowIfReadOnly();
        return _entries.Remove(key);
    }

    /// <inheritdoc/>
    public void Clear()
    {
        ThrowIfReadOnly();
        _entries.Clear();
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out DataValue value) => _entries.TryGetValue(key, out value);

    /// <summary>Enumerates the entries in insertion order without allocating.</summary>
    public OrderedDictionary<string, DataValue>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<KeyValuePair<string, DataValue>> IEnumerable<KeyValuePair<string, DataValue>>.GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    bool ICollection<KeyValuePair<string, DataValue>>.IsReadOnly => _readOnly;

    void ICollection<KeyValuePair<string, DataValue>>.Add(KeyValuePair<string, DataValue> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, DataValue>>.Contains(KeyValuePair<string, DataValue> item) =>
        _entries.TryGetValue(item.Key, out var value) && value.Equals(item.Value);

    void ICollection<KeyValuePair<string, DataValue>>.CopyTo(KeyValuePair<string, DataValue>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, DataValue>>)_entries).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, DataValue>>.Remove(KeyValuePair<string, DataValue> item)
    {
        ThrowIfReadOnly();
        return ((ICollection<KeyValuePair<string, DataValue>>)_entries).Remove(item);
    }

    /// <inheritdoc/>
    public override bool Equals(DataValue? other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (other is not DataDictionary dictionary || dictionary.Count != Count)
            return false;
        foreach (var (key, value) in _entries)
        {
            if (!dictionary._entries.TryGetValue(key, out var otherValue) || !value.Equals(otherValue))
                return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(DataKind.Dictionary, Count);

    private void ThrowIfReadOnly()
    {
        if (_readOnly)
            throw new InvalidOperationException("This dictionary is read-only.");
    }
}
