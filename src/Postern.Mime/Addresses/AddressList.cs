using System.Collections;
using System.Text;

namespace Postern.Mime.Addresses;

/// <summary>A parsed address list (RFC 5322 §3.4 address-list): mailboxes and groups, in order.</summary>
public sealed class AddressList : IReadOnlyList<AddressEntry>
{
    private readonly AddressEntry[] _entries;
    private IReadOnlyList<MailboxAddress>? _mailboxes;

    /// <summary>Creates a list of the given entries.</summary>
    public AddressList(IEnumerable<AddressEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
    }

    /// <summary>An empty list.</summary>
    public static AddressList Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _entries.Length;

    /// <inheritdoc/>
    public AddressEntry this[int index] => _entries[index];

    /// <summary>Every mailbox, with groups flattened into their members.</summary>
    public IReadOnlyList<MailboxAddress> Mailboxes => _mailboxes ??= Flatten();

    /// <summary>Parses a raw header value; never fails (see <see cref="AddressParser"/> for what it accepts).</summary>
    public static AddressList Parse(ReadOnlySpan<byte> raw) => AddressParser.Parse(raw);

    /// <summary>Parses an address list written as text (for example from a form).</summary>
    public static AddressList Parse(string text) => AddressParser.Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>This list followed by <paramref name="other"/>.</summary>
    public AddressList Concat(AddressList other) =>
        other.Count == 0 ? this : Count == 0 ? other : new AddressList(_entries.Concat(other._entries));

    /// <inheritdoc/>
    public IEnumerator<AddressEntry> GetEnumerator() => ((IEnumerable<AddressEntry>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", _entries.Select(e => e.ToString()));

    private IReadOnlyList<MailboxAddress> Flatten()
    {
        var list = new List<MailboxAddress>(_entries.Length);
        foreach (var entry in _entries)
        {
            if (entry is MailboxAddress mailbox)
            {
                list.Add(mailbox);
            }
            else if (entry is GroupAddress group)
            {
                list.AddRange(group.Members);
            }
        }

        return list;
    }
}
