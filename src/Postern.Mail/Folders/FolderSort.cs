using Postern.Mail.Messages;
using Postern.Mime.Headers;
using Postern.Storage;

namespace Postern.Mail.Folders;

/// <summary>
/// Resolves a view's sort field: the fields the store keeps sort keys for are listed in that order by
/// an index; any other header field is sorted in memory from the stored header blocks.
/// </summary>
internal sealed class FolderSort
{
    /// <summary>Sort fields the store indexes, by the names clients send.</summary>
    private static readonly Dictionary<string, MessageSortField> s_indexed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UID"] = MessageSortField.Uid,
        ["INTERNALDATE"] = MessageSortField.InternalDate,
        ["Received"] = MessageSortField.InternalDate,
        ["Date"] = MessageSortField.SentDate,
        ["Sent"] = MessageSortField.SentDate,
        ["SIZE"] = MessageSortField.Size,
        ["Subject"] = MessageSortField.Subject,
        ["From"] = MessageSortField.From,
        ["E-From"] = MessageSortField.From,
        ["To"] = MessageSortField.To,
        ["E-To"] = MessageSortField.To,
        ["Pty"] = MessageSortField.Priority,
        ["X-Priority"] = MessageSortField.Priority,
    };

    /// <summary>Header fields holding addresses: sorted by the first address's name, like From and To.</summary>
    private static readonly HashSet<string> s_addressFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Cc", "Bcc", "Reply-To", "Sender", "Resent-From", "Resent-To", "Disposition-Notification-To",
    };

    private FolderSort(MessageSortField? indexed, string? header, bool byAddress, bool descending)
    {
        Indexed = indexed;
        Header = header;
        ByAddress = byAddress;
        Descending = descending;
    }

    /// <summary>The store's sort field, or null when the view sorts in memory by <see cref="Header"/>.</summary>
    public MessageSortField? Indexed { get; }

    public string? Header { get; }

    public bool ByAddress { get; }

    public bool Descending { get; }

    public static FolderSort Resolve(FolderSortOrder order)
    {
        var field = order.Field?.Trim();
        if (string.IsNullOrEmpty(field))
            return new FolderSort(MessageSortField.Uid, null, false, order.Descending);
        if (s_indexed.TryGetValue(field, out var indexed))
            return new FolderSort(indexed, null, false, order.Descending);
        var byAddress = field.StartsWith(FolderField.AddressesPrefix, StringComparison.OrdinalIgnoreCase);
        var header = byAddress ? field[FolderField.AddressesPrefix.Length..] : field;
        return new FolderSort(null, header, byAddress || s_addressFields.Contains(header), order.Descending);
    }

    /// <summary>The in-memory sort key of a message: lower-cased like the store's keys, empty when the field is missing.</summary>
    public string KeyOf(MessageRecord record)
    {
        var headers = HeaderList.Parse(record.Summary.HeaderBlock);
        if (ByAddress)
            return SortKeys.Address(headers.GetAddresses(Header!).Mailboxes);
        return (headers.GetText(Header!) ?? "").Trim().ToLowerInvariant();
    }

    /// <summary>Orders (key, UID) pairs the way the store orders its indexed keys: ordinal, ties by UID, both in the view's direction.</summary>
    public int Compare(string keyA, uint uidA, string keyB, uint uidB)
    {
        var order = string.CompareOrdinal(keyA, keyB);
        if (order == 0)
            order = uidA.CompareTo(uidB);
        return Descending ? -order : order;
    }
}
