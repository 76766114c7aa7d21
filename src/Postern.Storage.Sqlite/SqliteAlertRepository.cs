using Microsoft.Data.Sqlite;

namespace Postern.Storage.Sqlite;

internal sealed class SqliteAlertRepository(SqliteDatabase database) : IAlertRepository
{
    public Task<AlertRecord> PostAsync(long accountId, string text, DateTimeOffset posted, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            try
            {
                var id = await write.Transaction.ScalarAsync<long>(
                    "INSERT INTO alerts (account_id, posted, text) VALUES ($account, $posted, $text) RETURNING id",
                    cancellationToken, ("$account", accountId), ("$posted", UnixTime.From(posted)), ("$text", text));
                await write.RecordChangeAsync(StoreChangeKind.AlertPosted, accountId, null, cancellationToken);
                return new AlertRecord(id, accountId, UnixTime.To(UnixTime.From(posted)), text, null);
            }
            catch (SqliteException e) when (e.IsForeignKeyViolation())
            {
                throw new StoreNotFoundException($"account {accountId} does not exist");
            }
        }, cancellationToken);

    public Task<IReadOnlyList<AlertRecord>> ListAsync(long accountId, bool includeAcknowledged, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AlertRecord>>(async transaction => await transaction.ListAsync(
            $"""
            SELECT id, account_id, posted, text, acknowledged FROM alerts
            WHERE account_id = $account {(includeAcknowledged ? "" : "AND acknowledged IS NULL")}
            ORDER BY posted, id
            """,
            reader => new AlertRecord(
                reader.GetInt64(0), reader.GetInt64(1), UnixTime.To(reader.GetInt64(2)), reader.GetString(3),
                reader.IsDBNull(4) ? null : UnixTime.To(reader.GetInt64(4))),
            cancellationToken, ("$account", accountId)), cancellationToken);

    public Task<int> AcknowledgeAsync(long accountId, DateTimeOffset postedUpTo, DateTimeOffset acknowledged, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.Transaction.ExecuteAsync(
            "UPDATE alerts SET acknowledged = $now WHERE account_id = $account AND acknowledged IS NULL AND posted <= $upTo",
            cancellationToken, ("$now", UnixTime.From(acknowledged)), ("$account", accountId), ("$upTo", UnixTime.From(postedUpTo))),
            cancellationToken);
}
