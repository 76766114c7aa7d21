namespace Postern.Storage.Sqlite;

internal sealed partial class SqliteMessageRepository
{
    public Task<IReadOnlyList<uint>> SearchAsync(long mailboxId, MessageQuery query, CancellationToken cancellationToken)
    {
        var (condition, parameters) = MessageQuerySql.Compile(query);
        return database.ReadAsync<IReadOnlyList<uint>>(async transaction => await transaction.ListAsync(
            $"SELECT uid FROM messages WHERE mailbox_id = $mailbox AND {condition} ORDER BY uid",
            reader => (uint)reader.GetInt64(0), cancellationToken, [("$mailbox", mailboxId), .. parameters]), cancellationToken);
    }

    public Task<IReadOnlyList<uint>> ListUnindexedAsync(long mailboxId, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<uint>>(async transaction => await transaction.ListAsync(
            "SELECT uid FROM messages WHERE text_id IS NULL AND mailbox_id = $mailbox ORDER BY uid LIMIT $limit",
            reader => (uint)reader.GetInt64(0), cancellationToken, ("$mailbox", mailboxId), ("$limit", limit)), cancellationToken);

    public Task SetTextAsync(long mailboxId, uint uid, MessageText text, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var rowId = await write.Transaction.ScalarAsync<long?>(
                "SELECT id FROM messages WHERE mailbox_id = $mailbox AND uid = $uid AND text_id IS NULL",
                cancellationToken, ("$mailbox", mailboxId), ("$uid", (long)uid));
            if (rowId is null)
                return;
            await using var indexer = new TextIndexer(write.Transaction);
            var textId = await indexer.InsertAsync(text, cancellationToken);
            await write.Transaction.ExecuteAsync("UPDATE messages SET text_id = $text WHERE id = $id",
                cancellationToken, ("$text", textId), ("$id", rowId.Value));
        }, cancellationToken);

    public Task<MailboxStatistics> GetStatisticsAsync(long mailboxId, CancellationToken cancellationToken) =>
        database.ReadAsync(async transaction => (await transaction.SingleOrDefaultAsync(
            $"""
            SELECT min(internal_date), coalesce(sum(flags & {(int)MessageFlags.Recent} != 0), 0),
                coalesce(sum(flags & {(int)MessageFlags.Media} != 0), 0),
                coalesce(sum(flags & {(int)(MessageFlags.Media | MessageFlags.Seen)} = {(int)MessageFlags.Media}), 0)
            FROM messages WHERE mailbox_id = $mailbox
            """,
            reader => new MailboxStatistics(
                reader.IsDBNull(0) ? null : UnixTime.To(reader.GetInt64(0)), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)),
            cancellationToken, ("$mailbox", mailboxId)))!, cancellationToken);
}
