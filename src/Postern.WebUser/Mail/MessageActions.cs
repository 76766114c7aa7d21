using Postern.Storage;

namespace Postern.WebUser.Mail;

/// <summary>The message operations the WebUser pages perform on a mailbox.</summary>
public sealed class MessageActions(IStore store)
{
    /// <summary>Removes every message of the mailbox for good (EmptyTrashNow).</summary>
    public async Task<int> RemoveAllAsync(MailboxRecord mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var all = await store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, descending: false, MessageFlagFilter.All, cancellationToken);
        if (all.Count == 0)
            return 0;
        var removed = await store.Messages.ExpungeAsync(mailbox.Id, all.Select(m => m.Uid).ToArray(), cancellationToken);
        return removed.Count;
    }

    /// <summary>Removes the messages that arrived before <paramref name="cutoff"/> (old Trash at logout).</summary>
    public async Task<int> RemoveReceivedBeforeAsync(MailboxRecord mailbox, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        const int batch = 500;
        var oldest = await store.Messages.ListAsync(mailbox.Id, MessageSortField.InternalDate, descending: false, MessageFlagFilter.All, cancellationToken);
        var expired = new List<uint>();
        for (var start = 0; start < oldest.Count; start += batch)
        {
            var uids = oldest.Skip(start).Take(batch).Select(m => m.Uid).ToArray();
            var records = await store.Messages.GetAsync(mailbox.Id, uids, cancellationToken);
            var before = records.Where(r => r.InternalDate < cutoff).Select(r => r.Uid).ToArray();
            expired.AddRange(before);
            if (before.Length < records.Count)
                break;
        }
        return expired.Count == 0 ? 0 : (await store.Messages.ExpungeAsync(mailbox.Id, expired, cancellationToken)).Count;
    }
}
