using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Postern.Storage.Sqlite;

/// <summary>The outbound queue in the <c>outbound_queue</c> table: envelope, status and the message bytes in one row.</summary>
/// <remarks>
/// The bytes live in the row rather than in a pack file: queued messages are few and short-lived
/// compared with stored mail, and deleting the row frees them at once.
/// </remarks>
internal sealed class SqliteOutboundQueue(SqliteDatabase database) : IOutboundQueue
{
    private const string Columns = "id, account_id, sender, recipients, size, request_dsn, status, attempts, last_error, queued";

    public Task<OutboundEntry> EnqueueAsync(NewOutboundMessage message, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var queued = UnixTime.Now();
            var recipients = JsonSerializer.Serialize(message.Recipients);
            var id = await write.Transaction.ScalarAsync<long>(
                """
                INSERT INTO outbound_queue (account_id, sender, recipients, size, request_dsn, status, queued, content)
                VALUES ($account, $sender, $recipients, $size, $dsn, $status, $queued, $content) RETURNING id
                """,
                cancellationToken,
                ("$account", message.AccountId), ("$sender", message.Sender), ("$recipients", recipients),
                ("$size", message.Content.Length), ("$dsn", message.RequestDsn ? 1 : 0), ("$status", message.Status),
                ("$queued", queued), ("$content", message.Content.ToArray()));
            return new OutboundEntry(id, message.AccountId, message.Sender, message.Recipients.ToArray(), message.Content.Length,
                message.RequestDsn, message.Status, 0, null, UnixTime.To(queued));
        }, cancellationToken);

    public Task<IReadOnlyList<OutboundEntry>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboundEntry>>(async transaction => await transaction.ListAsync(
            $"SELECT {Columns} FROM outbound_queue ORDER BY id", Map, cancellationToken), cancellationToken);

    public Task<OutboundEntry?> GetAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync(transaction => transaction.SingleOrDefaultAsync(
            $"SELECT {Columns} FROM outbound_queue WHERE id = $id", Map, cancellationToken, ("$id", id)), cancellationToken);

    public Task<Stream?> OpenContentAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync(async transaction =>
        {
            var content = await transaction.SingleOrDefaultAsync(
                "SELECT content FROM outbound_queue WHERE id = $id", reader => (byte[])reader.GetValue(0), cancellationToken, ("$id", id));
            return content is null ? null : (Stream)new MemoryStream(content, writable: false);
        }, cancellationToken);

    public Task<bool> RemoveAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync(async write => await write.Transaction.ExecuteAsync(
            "DELETE FROM outbound_queue WHERE id = $id", cancellationToken, ("$id", id)) > 0, cancellationToken);

    private static OutboundEntry Map(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.IsDBNull(1) ? null : reader.GetInt64(1),
        reader.GetString(2),
        JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? [],
        reader.GetInt64(4),
        reader.GetInt64(5) != 0,
        reader.GetString(6),
        reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        UnixTime.To(reader.GetInt64(9)));
}
