using Microsoft.Data.Sqlite;

namespace Postern.Storage.Sqlite;

internal sealed partial class SqliteMessageRepository
{
    public Task<IReadOnlyList<MessageViewEntry>> UpdateFlagsAsync(long mailboxId, IReadOnlyList<uint> uids, FlagUpdate update, CancellationToken cancellationToken)
    {
        Keywords.Validate(update.AddKeywords);
        return database.WriteAsync<IReadOnlyList<MessageViewEntry>>(async write =>
        {
            var transaction = write.Transaction;
            var mailbox = await LockMailboxAsync(transaction, mailboxId, cancellationToken);
            if (mailbox is null || uids.Count == 0)
                return [];
            var rows = await transaction.ListAsync(
                "SELECT id, uid, flags, keywords FROM messages WHERE mailbox_id = $mailbox AND uid IN (SELECT value FROM json_each($uids)) ORDER BY uid",
                reader => (Id: reader.GetInt64(0), Uid: (uint)reader.GetInt64(1), Flags: (MessageFlags)reader.GetInt32(2), Keywords: Keywords.Split(reader.GetString(3))),
                cancellationToken, ("$mailbox", mailboxId), ("$uids", SqliteCommands.ToJsonArray(uids)));

            var modseq = mailbox.HighestModSeq + 1;
            var changed = new List<MessageViewEntry>();
            var unseenDelta = 0;
            await using var updateRow = transaction.Command(
                "UPDATE messages SET flags = $flags, keywords = $keywords, modseq = $modseq WHERE id = $id",
                ("$flags", 0), ("$keywords", ""), ("$modseq", modseq), ("$id", 0L));
            foreach (var row in rows)
            {
                var flags = (row.Flags & ~update.Remove) | update.Add;
                var keywords = Keywords.Apply(row.Keywords, update.AddKeywords, update.RemoveKeywords);
                if (flags == row.Flags && keywords.SequenceEqual(row.Keywords))
                    continue;
                updateRow.Parameters["$flags"].Value = (int)flags;
                updateRow.Parameters["$keywords"].Value = Keywords.Join(keywords);
                updateRow.Parameters["$id"].Value = row.Id;
                await updateRow.ExecuteNonQueryAsync(cancellationToken);
                unseenDelta += MessageRows.UnseenCount([flags]) - MessageRows.UnseenCount([row.Flags]);
                changed.Add(new MessageViewEntry(row.Uid, flags, modseq));
            }
            if (changed.Count == 0)
                return changed;

            await transaction.ExecuteAsync(
                "UPDATE mailboxes SET highest_modseq = $modseq, unseen_count = unseen_count + $unseen WHERE id = $id",
                cancellationToken, ("$modseq", modseq), ("$unseen", unseenDelta), ("$id", mailboxId));
            await write.RecordChangeAsync(StoreChangeKind.MessagesUpdated, mailbox.AccountId, mailboxId, cancellationToken);
            return changed;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<uint>> ExpungeAsync(long mailboxId, IReadOnlyList<uint> uids, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<uint>>(async write =>
        {
            var mailbox = await LockMailboxAsync(write.Transaction, mailboxId, cancellationToken);
            if (mailbox is null || uids.Count == 0)
                return [];
            return await ExpungeInTransactionAsync(write, mailboxId, mailbox, uids, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<uint>> ExpungeDeletedAsync(long mailboxId, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<uint>>(async write =>
        {
            var mailbox = await LockMailboxAsync(write.Transaction, mailboxId, cancellationToken);
            if (mailbox is null)
                return [];
            var deleted = await write.Transaction.ListAsync(
                $"SELECT uid FROM messages WHERE mailbox_id = $mailbox AND flags & {(int)MessageFlags.Deleted} != 0",
                reader => (uint)reader.GetInt64(0), cancellationToken, ("$mailbox", mailboxId));
            return deleted.Count == 0 ? [] : await ExpungeInTransactionAsync(write, mailboxId, mailbox, deleted, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<CopiedMessage>> CopyAsync(long sourceMailboxId, IReadOnlyList<uint> uids, long targetMailboxId, bool move, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<CopiedMessage>>(async write =>
        {
            var transaction = write.Transaction;
            var source = await LockMailboxAsync(transaction, sourceMailboxId, cancellationToken)
                ?? throw new StoreNotFoundException($"mailbox {sourceMailboxId} does not exist");
            var target = await LockMailboxAsync(transaction, targetMailboxId, cancellationToken)
                ?? throw new StoreNotFoundException($"mailbox {targetMailboxId} does not exist");
            var rows = await transaction.ListAsync(
                "SELECT id, uid, flags, size FROM messages WHERE mailbox_id = $mailbox AND uid IN (SELECT value FROM json_each($uids)) ORDER BY uid",
                reader => (Id: reader.GetInt64(0), Uid: (uint)reader.GetInt64(1), Flags: (MessageFlags)reader.GetInt32(2), Size: reader.GetInt64(3)),
                cancellationToken, ("$mailbox", sourceMailboxId), ("$uids", SqliteCommands.ToJsonArray(uids)));
            if (rows.Count == 0)
                return [];

            // The copy shares the stored bytes (same pack range); only the rows are duplicated.
            var uid = target.NextUids(rows.Count);
            var modseq = target.HighestModSeq + 1;
            var copied = new List<CopiedMessage>(rows.Count);
            await using var copyRow = transaction.Command(
                """
                INSERT INTO messages (mailbox_id, uid, modseq, flags, keywords, internal_date, sent_date, size, pack_id,
                    pack_offset, subject_key, from_key, to_key, has_attachments, priority, header_msgid, text_id)
                SELECT $target, $uid, $modseq, flags, keywords, internal_date, sent_date, size, pack_id, pack_offset,
                    subject_key, from_key, to_key, has_attachments, priority, header_msgid, text_id
                FROM messages WHERE id = $id
                RETURNING id
                """,
                ("$target", targetMailboxId), ("$uid", 0L), ("$modseq", modseq), ("$id", 0L));
            await using var copyDetails = transaction.Command(
                "INSERT INTO message_details (message_rowid, headers, preview) SELECT $new, headers, preview FROM message_details WHERE message_rowid = $old",
                ("$new", 0L), ("$old", 0L));
            foreach (var row in rows)
            {
                copyRow.Parameters["$uid"].Value = (long)uid;
                copyRow.Parameters["$id"].Value = row.Id;
                var newRowId = (long)(await copyRow.ExecuteScalarAsync(cancellationToken))!;
                copyDetails.Parameters["$new"].Value = newRowId;
                copyDetails.Parameters["$old"].Value = row.Id;
                await copyDetails.ExecuteNonQueryAsync(cancellationToken);
                copied.Add(new CopiedMessage(row.Uid, uid++));
            }
            await transaction.ExecuteAsync(
                """
                UPDATE mailboxes SET uid_next = $uidNext, highest_modseq = $modseq, message_count = message_count + $count,
                    unseen_count = unseen_count + $unseen, total_size = total_size + $size
                WHERE id = $id
                """,
                cancellationToken,
                ("$uidNext", (long)uid), ("$modseq", modseq), ("$count", rows.Count),
                ("$unseen", MessageRows.UnseenCount(rows.Select(r => r.Flags))), ("$size", rows.Sum(r => r.Size)),
                ("$id", targetMailboxId));
            await write.RecordChangeAsync(StoreChangeKind.MessagesAdded, target.AccountId, targetMailboxId, cancellationToken);

            if (move)
            {
                // Re-read the source: a copy into the same mailbox moved its counters.
                source = (await LockMailboxAsync(transaction, sourceMailboxId, cancellationToken))!;
                await ExpungeInTransactionAsync(write, sourceMailboxId, source, rows.Select(r => r.Uid).ToArray(), cancellationToken);
            }
            return copied;
        }, cancellationToken);

    public Task<MailboxDelta> GetDeltaAsync(long mailboxId, long sinceModSeq, CancellationToken cancellationToken) =>
        database.ReadAsync(async transaction =>
        {
            var highest = await transaction.ScalarAsync<long?>(
                "SELECT highest_modseq FROM mailboxes WHERE id = $id", cancellationToken, ("$id", mailboxId))
                ?? throw new StoreNotFoundException($"mailbox {mailboxId} does not exist");
            // "+uid": ordering by the bare column lets SQLite walk the whole mailbox in the UID index to
            // avoid a sort; a delta is usually a handful of rows, which the modseq index finds directly.
            var changed = await transaction.ListAsync(
                "SELECT uid, flags, modseq FROM messages WHERE mailbox_id = $mailbox AND modseq > $since ORDER BY +uid",
                MessageRows.MapViewEntry, cancellationToken, ("$mailbox", mailboxId), ("$since", sinceModSeq));
            var removed = await transaction.ListAsync(
                "SELECT uid FROM expunged WHERE mailbox_id = $mailbox AND modseq > $since ORDER BY +uid",
                reader => (uint)reader.GetInt64(0), cancellationToken, ("$mailbox", mailboxId), ("$since", sinceModSeq));
            return new MailboxDelta(highest, changed, removed);
        }, cancellationToken);

    private static async Task<IReadOnlyList<uint>> ExpungeInTransactionAsync(
        WriteContext write, long mailboxId, MailboxState mailbox, IReadOnlyList<uint> uids, CancellationToken cancellationToken)
    {
        var transaction = write.Transaction;
        var modseq = mailbox.HighestModSeq + 1;
        var removed = await transaction.ListAsync(
            "DELETE FROM messages WHERE mailbox_id = $mailbox AND uid IN (SELECT value FROM json_each($uids)) RETURNING uid, flags, size, text_id",
            reader => (Uid: (uint)reader.GetInt64(0), Flags: (MessageFlags)reader.GetInt32(1), Size: reader.GetInt64(2),
                TextId: reader.IsDBNull(3) ? (long?)null : reader.GetInt64(3)),
            cancellationToken, ("$mailbox", mailboxId), ("$uids", SqliteCommands.ToJsonArray(uids)));
        if (removed.Count == 0)
            return [];
        await TextIndexer.DeleteUnreferencedAsync(transaction, removed.Where(r => r.TextId is not null).Select(r => r.TextId!.Value), cancellationToken);

        var removedUids = removed.Select(r => r.Uid).Order().ToArray();
        await transaction.ExecuteAsync(
            "INSERT INTO expunged (mailbox_id, uid, modseq) SELECT $mailbox, value, $modseq FROM json_each($uids)",
            cancellationToken, ("$mailbox", mailboxId), ("$modseq", modseq), ("$uids", SqliteCommands.ToJsonArray(removedUids)));
        await transaction.ExecuteAsync(
            """
            UPDATE mailboxes SET highest_modseq = $modseq, message_count = message_count - $count,
                unseen_count = unseen_count - $unseen, total_size = total_size - $size
            WHERE id = $id
            """,
            cancellationToken,
            ("$modseq", modseq), ("$count", removed.Count), ("$unseen", MessageRows.UnseenCount(removed.Select(r => r.Flags))),
            ("$size", removed.Sum(r => r.Size)), ("$id", mailboxId));
        await write.RecordChangeAsync(StoreChangeKind.MessagesRemoved, mailbox.AccountId, mailboxId, cancellationToken);
        return removedUids;
    }
}
