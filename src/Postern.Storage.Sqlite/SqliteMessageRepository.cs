using Microsoft.Data.Sqlite;
using Postern.Storage.Sqlite.Blobs;

namespace Postern.Storage.Sqlite;

internal sealed partial class SqliteMessageRepository(SqliteDatabase database, BlobStore blobs, AppendPipeline appends) : IMessageRepository
{
    public Task<IReadOnlyList<AppendedMessage>> AppendAsync(long mailboxId, IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken) =>
        appends.AppendAsync(mailboxId, messages, cancellationToken);

    /// <summary>Inserts one append's rows in the batch transaction; null when the mailbox no longer exists.</summary>
    internal static async Task<IReadOnlyList<AppendedMessage>?> InsertAppendedAsync(
        WriteContext write, MessageRows.Inserter inserter, long mailboxId, IReadOnlyList<NewMessage> messages,
        BlobLocation[] locations, CancellationToken cancellationToken)
    {
        var mailbox = await LockMailboxAsync(write.Transaction, mailboxId, cancellationToken);
        if (mailbox is null)
            return null;
        var uid = mailbox.NextUids(messages.Count);
        var modseq = mailbox.HighestModSeq + 1;

        var appended = new AppendedMessage[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            await inserter.InsertAsync(mailboxId, uid, modseq, messages[i], locations[i], cancellationToken);
            appended[i] = new AppendedMessage(uid++, modseq);
        }

        await write.Transaction.ExecuteAsync(
            """
            UPDATE mailboxes SET uid_next = $uidNext, highest_modseq = $modseq, message_count = message_count + $count,
                unseen_count = unseen_count + $unseen, total_size = total_size + $size
            WHERE id = $id
            """,
            cancellationToken,
            ("$uidNext", (long)uid), ("$modseq", modseq), ("$count", messages.Count),
            ("$unseen", MessageRows.UnseenCount(messages.Select(m => m.Flags))), ("$size", locations.Sum(l => l.Length)),
            ("$id", mailboxId));
        await write.RecordChangeAsync(StoreChangeKind.MessagesAdded, mailbox.AccountId, mailboxId, cancellationToken);
        return appended;
    }

    public Task<MessageListing> ListAsync(
        long mailboxId, MessageSortField sortField, bool descending, MessageFlagFilter filter, CancellationToken cancellationToken) =>
        database.ReadAsync(async transaction =>
        {
            // One read transaction: the entries and the modification sequence are the same snapshot.
            var highest = await transaction.ScalarAsync<long?>(
                "SELECT highest_modseq FROM mailboxes WHERE id = $id", cancellationToken, ("$id", mailboxId))
                ?? throw new StoreNotFoundException($"mailbox {mailboxId} does not exist");
            var entries = await transaction.ListAsync(
                ListSql(sortField, descending, filter), MessageRows.MapViewEntry, cancellationToken,
                ("$mailbox", mailboxId), ("$required", (int)filter.Required), ("$excluded", (int)filter.Excluded));
            return new MessageListing(highest, entries);
        }, cancellationToken);

    internal static string ListSql(MessageSortField sortField, bool descending, MessageFlagFilter filter)
    {
        var key = sortField switch
        {
            MessageSortField.Uid => "uid",
            MessageSortField.InternalDate => "internal_date",
            MessageSortField.SentDate => "coalesce(sent_date, internal_date)",
            MessageSortField.Size => "size",
            MessageSortField.Subject => "subject_key",
            MessageSortField.From => "from_key",
            MessageSortField.To => "to_key",
            MessageSortField.Priority => "priority",
            _ => throw new ArgumentOutOfRangeException(nameof(sortField)),
        };
        var direction = descending ? "DESC" : "ASC";
        var where = filter == MessageFlagFilter.All ? "" : "AND flags & $required = $required AND flags & $excluded = 0";
        // Each sort index holds (mailbox_id, key, uid, flags, modseq): ordering by (key, uid) walks
        // one index, reading nothing else, with no sort step (schema 002).
        var tieBreak = sortField == MessageSortField.Uid ? "" : $", uid {direction}";
        return $"SELECT uid, flags, modseq FROM messages WHERE mailbox_id = $mailbox {where} ORDER BY {key} {direction}{tieBreak}";
    }

    public Task<IReadOnlyList<MessageRecord>> GetAsync(long mailboxId, IReadOnlyList<uint> uids, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<MessageRecord>>(async transaction => await transaction.ListAsync(
            $"""
            SELECT {MessageRows.RecordColumns} FROM {MessageRows.RecordFrom}
            WHERE m.mailbox_id = $mailbox AND m.uid IN (SELECT value FROM json_each($uids)) ORDER BY m.uid
            """,
            MessageRows.MapRecord, cancellationToken,
            ("$mailbox", mailboxId), ("$uids", SqliteCommands.ToJsonArray(uids))), cancellationToken);

    public Task<IReadOnlyList<MessageRecord>> GetRangeAsync(long mailboxId, uint fromUid, uint toUid, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<MessageRecord>>(async transaction => await transaction.ListAsync(
            $"""
            SELECT {MessageRows.RecordColumns} FROM {MessageRows.RecordFrom}
            WHERE m.mailbox_id = $mailbox AND m.uid BETWEEN $from AND $to ORDER BY m.uid LIMIT $limit
            """,
            MessageRows.MapRecord, cancellationToken,
            ("$mailbox", mailboxId), ("$from", (long)fromUid), ("$to", (long)toUid), ("$limit", limit)), cancellationToken);

    public Task<Stream?> OpenContentAsync(long mailboxId, uint uid, CancellationToken cancellationToken) =>
        WithContentAsync<Stream?>(mailboxId, uid, (location, _) => Task.FromResult<Stream?>(blobs.OpenRead(location)), null, cancellationToken);

    public async Task<ContentLease> LeaseContentAsync(long mailboxId, uint uid, CancellationToken cancellationToken) =>
        await WithContentAsync<ContentLease?>(mailboxId, uid, async (location, ct) => await blobs.LeaseAsync(location, ct), null, cancellationToken)
        ?? throw new StoreNotFoundException($"mailbox {mailboxId} has no message {uid}");

    /// <summary>Finds where a message's bytes are and opens them with <paramref name="open"/>; <paramref name="missing"/> when there is no such message.</summary>
    private async Task<T> WithContentAsync<T>(
        long mailboxId, uint uid, Func<BlobLocation, CancellationToken, Task<T>> open, T missing, CancellationToken cancellationToken)
    {
        // Compaction may move the bytes between reading the location and opening the file; the
        // second look finds the new location.
        for (var attempt = 1; ; attempt++)
        {
            var location = await database.ReadAsync(transaction => transaction.ListAsync(
                "SELECT pack_id, pack_offset, size FROM messages WHERE mailbox_id = $mailbox AND uid = $uid",
                reader => new BlobLocation(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)),
                cancellationToken, ("$mailbox", mailboxId), ("$uid", (long)uid)), cancellationToken);
            if (location.Count == 0)
                return missing;
            try
            {
                return await open(location[0], cancellationToken);
            }
            catch (FileNotFoundException) when (attempt == 1)
            {
            }
        }
    }

    /// <summary>The counters of a mailbox as read inside a write transaction (which already holds the writer lock).</summary>
    private sealed record MailboxState(long AccountId, uint UidNext, long HighestModSeq)
    {
        /// <summary>The first of <paramref name="count"/> new UIDs; UIDs are 32-bit and never reused (RFC 3501 §2.3.1.1).</summary>
        public uint NextUids(int count)
        {
            if ((long)UidNext + count > uint.MaxValue)
                throw new StoreException("the mailbox has used up its UIDs; it must be recreated");
            return UidNext;
        }
    }

    private static Task<MailboxState?> LockMailboxAsync(SqliteTransaction transaction, long mailboxId, CancellationToken cancellationToken) =>
        transaction.SingleOrDefaultAsync(
            "SELECT account_id, uid_next, highest_modseq FROM mailboxes WHERE id = $id",
            reader => new MailboxState(reader.GetInt64(0), (uint)reader.GetInt64(1), reader.GetInt64(2)),
            cancellationToken, ("$id", mailboxId));
}
