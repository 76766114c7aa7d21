using Microsoft.Data.Sqlite;

namespace Postern.Storage.Sqlite;

internal sealed class SqliteDomainRepository(SqliteDatabase database) : IDomainRepository
{
    private const string Columns = "id, name, settings, default_prefs, created";

    public Task<DomainRecord> CreateAsync(string name, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await EnsureNameIsFreeAsync(write.Transaction, name, cancellationToken);
            var created = UnixTime.Now();
            var id = await write.Transaction.ScalarAsync<long>(
                "INSERT INTO domains (name, created) VALUES ($name, $created) RETURNING id",
                cancellationToken, ("$name", name), ("$created", created));
            return new DomainRecord(id, name, "{}", "{}", UnixTime.To(created));
        }, cancellationToken);

    public Task<DomainRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync(transaction => transaction.SingleOrDefaultAsync(
            $"SELECT {Columns} FROM domains WHERE id = $id", Map, cancellationToken, ("$id", id)), cancellationToken);

    public Task<DomainRecord?> FindAsync(string nameOrAlias, CancellationToken cancellationToken) =>
        database.ReadAsync(transaction => transaction.SingleOrDefaultAsync(
            $"""
            SELECT {Columns} FROM domains WHERE name = $name
            UNION ALL
            SELECT {Columns} FROM domains WHERE id = (SELECT domain_id FROM domain_aliases WHERE alias = $name)
            """, Map, cancellationToken, ("$name", nameOrAlias)), cancellationToken);

    public Task<IReadOnlyList<DomainRecord>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<DomainRecord>>(async transaction => await transaction.ListAsync(
            $"SELECT {Columns} FROM domains ORDER BY name", Map, cancellationToken), cancellationToken);

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var accounts = await write.Transaction.ListAsync(
                "SELECT id FROM accounts WHERE domain_id = $id", reader => reader.GetInt64(0), cancellationToken, ("$id", id));
            var deleted = await write.Transaction.ExecuteAsync("DELETE FROM domains WHERE id = $id", cancellationToken, ("$id", id)) > 0;
            foreach (var account in accounts)
                await write.RecordChangeAsync(StoreChangeKind.AccountRemoved, account, null, cancellationToken);
            return deleted;
        }, cancellationToken);

    public Task SetSettingsAsync(long id, string settings, CancellationToken cancellationToken) =>
        UpdateAsync(id, "UPDATE domains SET settings = $value WHERE id = $id", settings, cancellationToken);

    public Task SetDefaultPrefsAsync(long id, string defaultPrefs, CancellationToken cancellationToken) =>
        UpdateAsync(id, "UPDATE domains SET default_prefs = $value WHERE id = $id", defaultPrefs, cancellationToken);

    public Task<IReadOnlyList<string>> ListAliasesAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async transaction => await transaction.ListAsync(
            "SELECT alias FROM domain_aliases WHERE domain_id = $id ORDER BY alias",
            reader => reader.GetString(0), cancellationToken, ("$id", id)), cancellationToken);

    public Task AddAliasAsync(long id, string alias, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await EnsureNameIsFreeAsync(write.Transaction, alias, cancellationToken);
            try
            {
                await write.Transaction.ExecuteAsync(
                    "INSERT INTO domain_aliases (alias, domain_id) VALUES ($alias, $id)",
                    cancellationToken, ("$alias", alias), ("$id", id));
            }
            catch (SqliteException e) when (e.IsForeignKeyViolation())
            {
                throw new StoreNotFoundException($"domain {id} does not exist");
            }
        }, cancellationToken);

    public Task<bool> RemoveAliasAsync(long id, string alias, CancellationToken cancellationToken) =>
        database.WriteAsync(async write => await write.Transaction.ExecuteAsync(
            "DELETE FROM domain_aliases WHERE domain_id = $id AND alias = $alias",
            cancellationToken, ("$id", id), ("$alias", alias)) > 0, cancellationToken);

    private Task UpdateAsync(long id, string sql, string value, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (await write.Transaction.ExecuteAsync(sql, cancellationToken, ("$id", id), ("$value", value)) == 0)
                throw new StoreNotFoundException($"domain {id} does not exist");
        }, cancellationToken);

    /// <summary>Domain names and aliases share one name space.</summary>
    private static async Task EnsureNameIsFreeAsync(SqliteTransaction transaction, string name, CancellationToken cancellationToken)
    {
        var taken = await transaction.ScalarAsync<long>(
            "SELECT EXISTS (SELECT 1 FROM domains WHERE name = $name) OR EXISTS (SELECT 1 FROM domain_aliases WHERE alias = $name)",
            cancellationToken, ("$name", name));
        if (taken != 0)
            throw new StoreConflictException($"domain {name} already exists");
    }

    private static DomainRecord Map(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), UnixTime.To(reader.GetInt64(4)));
}
