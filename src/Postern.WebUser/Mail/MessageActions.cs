using Postern.Accounts;
using Postern.Mail;
using Postern.Mail.Mailboxes;
using Postern.Storage;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Mail;

/// <summary>The message operations the WebUser pages perform: flags, copy, move, delete by the DeleteMethod preference, purge.</summary>
public sealed class MessageActions(IStore store, MailboxService mailboxes)
{
    /// <summary>How many UIDs one store call handles; keeps each transaction short on huge mailboxes.</summary>
    private const int Batch = 1000;

    /// <summary>Every UID of the mailbox, in UID order.</summary>
    public async Task<IReadOnlyList<uint>> AllUidsAsync(MailboxRecord mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var all = await store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, descending: false, MessageFlagFilter.All, cancellationToken);
        return all.Select(m => m.Uid).ToArray();
    }

    /// <summary>Removes the given messages for good (a replaced draft).</summary>
    public Task<int> RemoveAsync(MailboxRecord mailbox, IReadOnlyList<uint> uids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return ExpungeAsync(mailbox, uids, cancellationToken);
    }

    /// <summary>Removes every message of the mailbox for good (EmptyTrashNow).</summary>
    public async Task<int> RemoveAllAsync(MailboxRecord mailbox, CancellationToken cancellationToken) =>
        await ExpungeAsync(mailbox, await AllUidsAsync(mailbox, cancellationToken), cancellationToken);

    /// <summary>Adds and removes flags of the given messages.</summary>
    public async Task SetFlagsAsync(MailboxRecord mailbox, IReadOnlyList<uint> uids, MessageFlags add, MessageFlags remove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        foreach (var chunk in uids.Chunk(Batch))
            await store.Messages.UpdateFlagsAsync(mailbox.Id, chunk, new FlagUpdate(add, remove, [], []), cancellationToken);
    }

    /// <summary>Copies messages to another mailbox; returns how many were copied.</summary>
    public async Task<int> CopyAsync(MailboxRecord source, IReadOnlyList<uint> uids, MailboxRecord target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var copied = 0;
        foreach (var chunk in uids.Chunk(Batch))
            copied += (await store.Messages.CopyAsync(source.Id, chunk, target.Id, move: false, cancellationToken)).Count;
        return copied;
    }

    /// <summary>
    /// Deletes messages as the DeleteMethod preference says: moved to Trash (created when missing),
    /// marked Deleted, or removed at once. Messages deleted in the Trash itself are removed.
    /// </summary>
    public async Task DeleteAsync(AccountRecord account, MailboxRecord mailbox, IReadOnlyList<uint> uids, WebUserPreferences preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(preferences);
        if (uids.Count == 0)
            return;
        switch (preferences.DeleteMethod)
        {
            case DeleteMethod.Mark:
                await SetFlagsAsync(mailbox, uids, MessageFlags.Deleted, MessageFlags.None, cancellationToken);
                break;
            case DeleteMethod.MoveToTrash when mailbox.Name != preferences.TrashBox:
                var trash = await TrashAsync(account, preferences.TrashBox, cancellationToken);
                foreach (var chunk in uids.Chunk(Batch))
                    await store.Messages.CopyAsync(mailbox.Id, chunk, trash.Id, move: true, cancellationToken);
                break;
            default:
                await ExpungeAsync(mailbox, uids, cancellationToken);
                break;
        }
    }

    /// <summary>Moves messages to another mailbox (the source copies disappear at once); returns how many moved.</summary>
    public async Task<int> MoveAsync(MailboxRecord source, IReadOnlyList<uint> uids, MailboxRecord target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var moved = 0;
        foreach (var chunk in uids.Chunk(Batch))
            moved += (await store.Messages.CopyAsync(source.Id, chunk, target.Id, move: true, cancellationToken)).Count;
        return moved;
    }

    /// <summary>Removes the messages marked Deleted (Purge).</summary>
    public async Task<int> PurgeAsync(MailboxRecord mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var deleted = await store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, descending: false,
            new MessageFlagFilter(MessageFlags.Deleted, MessageFlags.None), cancellationToken);
        return await ExpungeAsync(mailbox, deleted.Select(m => m.Uid).ToArray(), cancellationToken);
    }

    /// <summary>Removes the messages that arrived before <paramref name="cutoff"/> (old Trash at logout).</summary>
    public async Task<int> RemoveReceivedBeforeAsync(MailboxRecord mailbox, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var oldest = await store.Messages.ListAsync(mailbox.Id, MessageSortField.InternalDate, descending: false, MessageFlagFilter.All, cancellationToken);
        var expired = new List<uint>();
        foreach (var chunk in oldest.Select(m => m.Uid).Chunk(Batch))
        {
            var records = await store.Messages.GetAsync(mailbox.Id, chunk, cancellationToken);
            var before = records.Where(r => r.InternalDate < cutoff).Select(r => r.Uid).ToArray();
            expired.AddRange(before);
            if (before.Length < records.Count)
                break;
        }
        return await ExpungeAsync(mailbox, expired, cancellationToken);
    }

    private async Task<int> ExpungeAsync(MailboxRecord mailbox, IReadOnlyList<uint> uids, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var chunk in uids.Chunk(Batch))
            removed += (await store.Messages.ExpungeAsync(mailbox.Id, chunk, cancellationToken)).Count;
        return removed;
    }

    /// <summary>WebApp: "If the Trash mailbox did not exist, it is created."</summary>
    private async Task<MailboxRecord> TrashAsync(AccountRecord account, string name, CancellationToken cancellationToken)
    {
        if (await mailboxes.FindAsync(account, name, cancellationToken) is { } trash)
            return trash;
        try
        {
            return await mailboxes.CreateAsync(account, name, MailboxClass.Mail, cancellationToken);
        }
        catch (MailException)
        {
            // Created meanwhile by another session.
            return await mailboxes.GetAsync(account, name, cancellationToken);
        }
    }
}
