using Microsoft.Data.Sqlite;

namespace Postern.Storage.Sqlite;

internal sealed class SqliteMailboxRepository(SqliteDatabase database) : IMailboxRepository
{
    internal const string Columns =
        "id, account_id, name, class, uid_validity, uid_next, highest_modseq, message_count, unseen_count, total_size, created";

    public Task<MailboxRecord> CreateAsync(long accountId, string name, string mailboxClass, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var created = UnixTime.Now();
            var uidValidity = await NextUidValidityAsync(write.Transaction, cancellationToken);
            long id;
            try
            {
                id = await write.Transaction.ScalarAsync<long>(
                    """
                    INSERT INTO mailboxes (account_id, name, class, uid_validity, created)
                    VALUES ($account, $name, $class, $uidValidity, $created) RETURNING id
                    """,
                    cancellationToken,
                    ("$account", accountId), ("$name", name), ("$class", mailboxClass),
                    ("$uidValidity", uidValidity), ("$created", created));
            }
            catch (SqliteException e) when (e.IsUniqueViolation())
            {
                throw new StoreConflictException($"mailbox {name} already exists");
            }
            catch (SqliteException e) when (e.IsForeignKeyViolation())
            {
                throw new StoreNotFoundException($"account {accountId} does not exist");
            }
            await write.RecordChangeAsync(StoreChangeKind.MailboxCreated, accountId, id, cancellationToken);
            return new MailboxRecord(id, accountId, name, mailboxClass, uidValidity, 1, 0, 0, 0, 0, UnixTime.To(created));
        }, cancellationToken);

    public Task<MailboxRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync(transaction => transaction.SingleOrDefaultAsync(
            $"SELECT {Columns} FROM mailboxes WHERE id = $id", Map, cancellationToken, ("$id", id)), cancellationToken);

    public Task<MailboxRecord?> FindAsync(long accountId, string name, CancellationToken cancellationToken) =>
        database.ReadAsync(transaction => transaction.SingleOrDefaultAsync(
            $"SELECT {Columns} FROM mailboxes WHERE account_id = $account AND name = $name",
            Map, cancellationToken, ("$account", accountId), ("$name", name)), cancellationToken);

    public Task<IReadOnlyList<MailboxRecord>> ListAsync(long accountId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<MailboxRecord>>(async transaction => await transaction.ListAsync(
            $"SELECT {Columns} FROM mailboxes WHERE account_id = $account ORDER BY name",
            Map, cancellationToken, ("$account", accountId)), cancellationToken);

    public Task<IReadOnlyList<MailboxRecord>> RenameAsync(long id, string newName, bool withChildren, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<MailboxRecord>>(async write =>
        {
            var transaction = write.Transaction;
            var mailbox = await transaction.SingleOrDefaultAsync($"SELECT {Columns} FROM mailboxes WHERE id = $id", Map, cancellationToken, ("$id", id))
                ?? throw new StoreNotFoundException($"mailbox {id} does not exist");
            if (withChildren && newName.StartsWith(mailbox.Name + "/", StringComparison.Ordinal))
                throw new StoreException($"mailbox {mailbox.Name} cannot be moved below itself");

            var moving = new List<MailboxRecord> { mailbox };
            if (withChildren)
            {
                moving.AddRange(await transaction.ListAsync(
                    $"SELECT {Columns} FROM mailboxes WHERE account_id = $account AND substr(name, 1, $length) = $prefix ORDER BY name",
                    Map, cancellationToken,
                    ("$account", mailbox.AccountId), ("$prefix", mailbox.Name + "/"), ("$length", mailbox.Name.Length + 1)));
            }

            // Move everything to a name no mailbox can have first, so that renaming A→B with a child
            // B/x → … never collides with itself half-way; then to the final names.
            var renamed = new List<MailboxRecord>(moving.Count);
            foreach (var box in moving)
            {
                await transaction.ExecuteAsync("UPDATE mailboxes SET name = $temporary WHERE id = $id",
                    cancellationToken, ("$temporary", "\0" + box.Id), ("$id", box.Id));
            }
            foreach (var box in moving)
            {
                var name = newName + box.Name[mailbox.Name.Length..];
                try
                {
                    await transaction.ExecuteAsync("UPDATE mailboxes SET name = $name WHERE id = $id",
                        cancellationToken, ("$name", name), ("$id", box.Id));
                }
                catch (SqliteException e) when (e.IsUniqueViolation())
                {
                    throw new StoreConflictException($"mailbox {name} already exists");
                }
                await write.RecordChangeAsync(StoreChangeKind.MailboxRenamed, box.AccountId, box.Id, cancellationToken);
                renamed.Add(box with { Name = name });
            }
            return renamed;
        }, cancellationToken);

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            // The words of messages that have no copy elsewhere go with the mailbox.
            var textIds = await write.Transaction.ListAsync(
                "SELECT DISTINCT text_id FROM messages WHERE mailbox_id = $id AND text_id IS NOT NULL",
                reader => reader.GetInt64(0), cancellationToken, ("$id", id));
            await write.Transaction.ExecuteAsync("DELETE FROM messages WHERE mailbox_id = $id", cancellationToken, ("$id", id));
            await TextIndexer.DeleteUnreferencedAsync(write.Transaction, textIds, cancellationToken);
            var accountId = await write.Transaction.ScalarAsync<long?>(
                "DELETE FROM mailboxes WHERE id = $id RETURNING account_id", cancellationToken, ("$id", id));
            if (accountId is null)
                return false;
            await write.RecordChangeAsync(StoreChangeKind.MailboxRemoved, accountId.Value, id, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListSubscriptionsAsync(long accountId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async transaction => await transaction.ListAsync(
            "SELECT name FROM subscriptions WHERE account_id = $account ORDER BY name",
            reader => reader.GetString(0), cancellationToken, ("$account", accountId)), cancellationToken);

    public Task<bool> SetSubscribedAsync(long accountId, string name, bool subscribed, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var sql = subscribed
                ? "INSERT OR IGNORE INTO subscriptions (account_id, name) SELECT id, $name FROM accounts WHERE id = $account"
                : "DELETE FROM subscriptions WHERE account_id = $account AND name = $name";
            return await write.Transaction.ExecuteAsync(sql, cancellationToken, ("$account", accountId), ("$name", name)) > 0;
        }, cancellationToken);

    public Task<IReadOnlyList<MailboxAliasRecord>> ListAliasesAsync(long accountId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<MailboxAliasRecord>>(async transaction => await transaction.ListAsync(
            "SELECT account_id, name, target FROM mailbox_aliases WHERE account_id = $account ORDER BY name",
            reader => new MailboxAliasRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)),
            cancellationToken, ("$account", accountId)), cancellationToken);

    public Task SetAliasAsync(long accountId, string name, string target, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            try
            {
                await write.Transaction.ExecuteAsync(
                    """
                    INSERT INTO mailbox_aliases (account_id, name, target) VALUES ($account, $name, $target)
                    ON CONFLICT (account_id, name) DO UPDATE SET target = excluded.target
                    """,
                    cancellationToken, ("$account", accountId), ("$name", name), ("$target", target));
            }
            catch (SqliteException e) when (e.IsForeignKeyViolation())
            {
                throw new StoreNotFoundException($"account {accountId} does not exist");
            }
        }, cancellationToken);

    public Task<bool> RemoveAliasAsync(long accountId, string name, CancellationToken cancellationToken) =>
        database.WriteAsync(async write => await write.Transaction.ExecuteAsync(
            "DELETE FROM mailbox_aliases WHERE account_id = $account AND name = $name",
            cancellationToken, ("$account", accountId), ("$name", name)) > 0, cancellationToken);

    public Task<IReadOnlyList<AclEntry>> GetAclAsync(long mailboxId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AclEntry>>(async transaction => await transaction.ListAsync(
            "SELECT grantee, rights FROM mailbox_acl WHERE mailbox_id = $mailbox ORDER BY grantee",
            reader => new AclEntry(reader.GetString(0), reader.GetString(1)),
            cancellationToken, ("$mailbox", mailboxId)), cancellationToken);

    public Task<IReadOnlyList<GrantedMailbox>> ListGrantedAsync(IReadOnlyList<string> grantees, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<GrantedMailbox>>(async transaction => await transaction.ListAsync(
            $"""
            SELECT {string.Join(", ", Columns.Split(", ").Select(c => "m." + c))}, a.name, d.name, l.grantee, l.rights
            FROM mailbox_acl l
                JOIN mailboxes m ON m.id = l.mailbox_id
                JOIN accounts a ON a.id = m.account_id
                JOIN domains d ON d.id = a.domain_id
            WHERE l.grantee IN (SELECT value FROM json_each($grantees))
            ORDER BY d.name, a.name, m.name, l.grantee
            """,
            reader => new GrantedMailbox(Map(reader), reader.GetString(11), reader.GetString(12), new AclEntry(reader.GetString(13), reader.GetString(14))),
            cancellationToken, ("$grantees", System.Text.Json.JsonSerializer.Serialize(grantees))), cancellationToken);

    public Task SetAclEntryAsync(long mailboxId, string grantee, string rights, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (rights.Length == 0)
            {
                await write.Transaction.ExecuteAsync("DELETE FROM mailbox_acl WHERE mailbox_id = $mailbox AND grantee = $grantee",
                    cancellationToken, ("$mailbox", mailboxId), ("$grantee", grantee));
                return;
            }
            try
            {
                await write.Transaction.ExecuteAsync(
                    """
                    INSERT INTO mailbox_acl (mailbox_id, grantee, rights) VALUES ($mailbox, $grantee, $rights)
                    ON CONFLICT (mailbox_id, grantee) DO UPDATE SET rights = excluded.rights
                    """,
                    cancellationToken, ("$mailbox", mailboxId), ("$grantee", grantee), ("$rights", rights));
            }
            catch (SqliteException e) when (e.IsForeignKeyViolation())
            {
                throw new StoreNotFoundException($"mailbox {mailboxId} does not exist");
            }
        }, cancellationToken);

    /// <summary>
    /// UIDVALIDITY is the creation time in seconds, bumped past the last one given out, so a mailbox
    /// re-created in the same second still gets a new value (RFC 3501 §2.3.1.1).
    /// </summary>
    private static async Task<uint> NextUidValidityAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var last = await transaction.ScalarAsync<long?>(
            "SELECT CAST(value AS INTEGER) FROM server_settings WHERE name = 'store.last-uidvalidity'", cancellationToken) ?? 0;
        var next = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), last + 1);
        if (next > uint.MaxValue)
            throw new StoreException("UIDVALIDITY values are exhausted");
        await transaction.ExecuteAsync(
            """
            INSERT INTO server_settings (name, value) VALUES ('store.last-uidvalidity', $value)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """,
            cancellationToken, ("$value", next.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (uint)next;
    }

    internal static MailboxRecord Map(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        reader.GetString(2),
        reader.GetString(3),
        (uint)reader.GetInt64(4),
        (uint)reader.GetInt64(5),
        reader.GetInt64(6),
        reader.GetInt32(7),
        reader.GetInt32(8),
        reader.GetInt64(9),
        UnixTime.To(reader.GetInt64(10)));
}
