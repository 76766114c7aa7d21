using Microsoft.Data.Sqlite;

namespace Postern.Storage.Sqlite;

internal sealed class SqliteAccountRepository(SqliteDatabase database) : IAccountRepository
{
    private const string Columns = "id, domain_id, name, real_name, password_hash, cram_md5_secret, settings, prefs, created";

    public Task<AccountRecord> CreateAsync(NewAccount account, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await EnsureNameIsFreeAsync(write.Transaction, account.DomainId, account.Name, cancellationToken);
            var created = UnixTime.Now();
            try
            {
                var id = await write.Transaction.ScalarAsync<long>(
                    """
                    INSERT INTO accounts (domain_id, name, real_name, password_hash, cram_md5_secret, settings, created)
                    VALUES ($domain, $name, $realName, $hash, $cram, $settings, $created) RETURNING id
                    """,
                    cancellationToken,
                    ("$domain", account.DomainId), ("$name", account.Name), ("$realName", account.RealName),
                    ("$hash", account.Credentials.PasswordHash), ("$cram", account.Credentials.CramMd5Secret),
                    ("$settings", account.Settings), ("$created", created));
                return new AccountRecord(id, account.DomainId, account.Name, account.RealName, account.Credentials,
                    account.Settings, "{}", UnixTime.To(created));
            }
            catch (SqliteException e) when (e.IsForeignKeyViolation())
            {
                throw new StoreNotFoundException($"domain {account.DomainId} does not exist");
            }
        }, cancellationToken);

    public Task<AccountRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync(transaction => transaction.SingleOrDefaultAsync(
            $"SELECT {Columns} FROM accounts WHERE id = $id", Map, cancellationToken, ("$id", id)), cancellationToken);

    public Task<AccountRecord?> FindAsync(long domainId, string nameOrAlias, CancellationToken cancellationToken) =>
        database.ReadAsync(transaction => transaction.SingleOrDefaultAsync(
            $"""
            SELECT {Columns} FROM accounts WHERE domain_id = $domain AND name = $name
            UNION ALL
            SELECT {Columns} FROM accounts
            WHERE id = (SELECT account_id FROM account_aliases WHERE domain_id = $domain AND alias = $name)
            """, Map, cancellationToken, ("$domain", domainId), ("$name", nameOrAlias)), cancellationToken);

    public Task<IReadOnlyList<AccountRecord>> ListAsync(long domainId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AccountRecord>>(async transaction => await transaction.ListAsync(
            $"SELECT {Columns} FROM accounts WHERE domain_id = $domain ORDER BY name",
            Map, cancellationToken, ("$domain", domainId)), cancellationToken);

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (await write.Transaction.ExecuteAsync("DELETE FROM accounts WHERE id = $id", cancellationToken, ("$id", id)) == 0)
                return false;
            await write.RecordChangeAsync(StoreChangeKind.AccountRemoved, id, null, cancellationToken);
            return true;
        }, cancellationToken);

    public Task SetRealNameAsync(long id, string realName, CancellationToken cancellationToken) =>
        UpdateAsync(id, "UPDATE accounts SET real_name = $value WHERE id = $id", realName, cancellationToken);

    public Task SetCredentialsAsync(long id, AccountCredentials credentials, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var updated = await write.Transaction.ExecuteAsync(
                "UPDATE accounts SET password_hash = $hash, cram_md5_secret = $cram WHERE id = $id",
                cancellationToken, ("$id", id), ("$hash", credentials.PasswordHash), ("$cram", credentials.CramMd5Secret));
            if (updated == 0)
                throw new StoreNotFoundException($"account {id} does not exist");
        }, cancellationToken);

    public Task SetSettingsAsync(long id, string settings, CancellationToken cancellationToken) =>
        UpdateAsync(id, "UPDATE accounts SET settings = $value WHERE id = $id", settings, cancellationToken);

    public Task SetPrefsAsync(long id, string prefs, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (await write.Transaction.ExecuteAsync("UPDATE accounts SET prefs = $value WHERE id = $id",
                    cancellationToken, ("$id", id), ("$value", prefs)) == 0)
                throw new StoreNotFoundException($"account {id} does not exist");
            await write.RecordChangeAsync(StoreChangeKind.PrefsChanged, id, null, cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListAliasesAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async transaction => await transaction.ListAsync(
            "SELECT alias FROM account_aliases WHERE account_id = $id ORDER BY alias",
            reader => reader.GetString(0), cancellationToken, ("$id", id)), cancellationToken);

    public Task AddAliasAsync(long id, string alias, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var domainId = await write.Transaction.ScalarAsync<long?>(
                "SELECT domain_id FROM accounts WHERE id = $id", cancellationToken, ("$id", id))
                ?? throw new StoreNotFoundException($"account {id} does not exist");
            await EnsureNameIsFreeAsync(write.Transaction, domainId, alias, cancellationToken);
            await write.Transaction.ExecuteAsync(
                "INSERT INTO account_aliases (domain_id, alias, account_id) VALUES ($domain, $alias, $id)",
                cancellationToken, ("$domain", domainId), ("$alias", alias), ("$id", id));
        }, cancellationToken);

    public Task<bool> RemoveAliasAsync(long id, string alias, CancellationToken cancellationToken) =>
        database.WriteAsync(async write => await write.Transaction.ExecuteAsync(
            "DELETE FROM account_aliases WHERE account_id = $id AND alias = $alias",
            cancellationToken, ("$id", id), ("$alias", alias)) > 0, cancellationToken);

    private Task UpdateAsync(long id, string sql, string value, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (await write.Transaction.ExecuteAsync(sql, cancellationToken, ("$id", id), ("$value", value)) == 0)
                throw new StoreNotFoundException($"account {id} does not exist");
        }, cancellationToken);

    /// <summary>Account names and account aliases share one name space per domain.</summary>
    private static async Task EnsureNameIsFreeAsync(SqliteTransaction transaction, long domainId, string name, CancellationToken cancellationToken)
    {
        var taken = await transaction.ScalarAsync<long>(
            """
            SELECT EXISTS (SELECT 1 FROM accounts WHERE domain_id = $domain AND name = $name)
                OR EXISTS (SELECT 1 FROM account_aliases WHERE domain_id = $domain AND alias = $name)
            """,
            cancellationToken, ("$domain", domainId), ("$name", name));
        if (taken != 0)
            throw new StoreConflictException($"account {name} already exists");
    }

    private static AccountRecord Map(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetString(3),
        new AccountCredentials(reader.GetString(4), reader.IsDBNull(5) ? null : (byte[])reader.GetValue(5)),
        reader.GetString(6),
        reader.GetString(7),
        UnixTime.To(reader.GetInt64(8)));
}
