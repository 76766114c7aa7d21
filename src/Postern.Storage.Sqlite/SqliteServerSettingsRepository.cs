namespace Postern.Storage.Sqlite;

internal sealed class SqliteServerSettingsRepository(SqliteDatabase database) : IServerSettingsRepository
{
    public Task<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(transaction => transaction.ScalarAsync<string>(
            "SELECT value FROM server_settings WHERE name = $name", cancellationToken, ("$name", name)), cancellationToken);

    public Task SetAsync(string name, string? value, CancellationToken cancellationToken) =>
        database.WriteAsync(write => value is null
            ? write.Transaction.ExecuteAsync("DELETE FROM server_settings WHERE name = $name", cancellationToken, ("$name", name))
            : write.Transaction.ExecuteAsync(
                """
                INSERT INTO server_settings (name, value) VALUES ($name, $value)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """,
                cancellationToken, ("$name", name), ("$value", value)), cancellationToken);
}
