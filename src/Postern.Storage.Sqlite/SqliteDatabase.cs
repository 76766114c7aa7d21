using Microsoft.Data.Sqlite;

namespace Postern.Storage.Sqlite;

/// <summary>
/// Opens connections to the store's database and runs read and write transactions on them.
/// </summary>
/// <remarks>
/// Write transactions of this process pass one gate, so they never contend with each other for
/// SQLite's single writer lock; another process (the CLI beside the server) contends through
/// SQLite's busy timeout. Every write starts with <c>BEGIN IMMEDIATE</c>, which takes the writer
/// lock up front and so cannot deadlock on a read-to-write upgrade.
/// </remarks>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteDatabase(string path, SqliteStoreOptions options)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();

        // synchronous=FULL in WAL mode syncs the log at every commit: a committed transaction
        // survives a power cut, not only a killed process (sqlite.org/pragma.html#pragma_synchronous).
        var synchronous = options.SyncToDisk ? "FULL" : "NORMAL";
        _connectionPragmas = $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={(long)options.BusyTimeout.TotalMilliseconds};";
    }

    /// <summary>Raised after a write transaction that recorded a change-feed entry has committed.</summary>
    public event Action? ChangeCommitted;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(_connectionPragmas, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="read"/> in one read transaction: everything it reads is one consistent snapshot.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var result = await read(transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Runs <paramref name="write"/> in one write transaction and commits it; any exception rolls it back.</summary>
    public async Task<T> WriteAsync<T>(Func<WriteContext, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        bool recordedChange;
        T result;
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var context = new WriteContext(transaction);
            result = await write(context);
            // The commit itself must not be abandoned half-way by a cancelled caller.
            await transaction.CommitAsync(CancellationToken.None);
            recordedChange = context.RecordedChange;
        }
        finally
        {
            _writeGate.Release();
        }

        if (recordedChange)
            ChangeCommitted?.Invoke();
        return result;
    }

    public Task WriteAsync(Func<WriteContext, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(async context =>
        {
            await write(context);
            return true;
        }, cancellationToken);

    public void Dispose()
    {
        _writeGate.Dispose();
        // Pooled connections keep the database files open; release this database's so the
        // directory can be removed (other stores of the process keep theirs).
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}

/// <summary>The transaction of one write, and whether it recorded a change-feed entry.</summary>
internal sealed class WriteContext(SqliteTransaction transaction)
{
    public SqliteTransaction Transaction { get; } = transaction;

    public bool RecordedChange { get; private set; }

    /// <summary>Appends a change-feed entry in this transaction.</summary>
    public Task RecordChangeAsync(StoreChangeKind kind, long accountId, long? mailboxId, CancellationToken cancellationToken)
    {
        RecordedChange = true;
        return Transaction.ExecuteAsync(
            "INSERT INTO changes (kind, account_id, mailbox_id, time) VALUES ($kind, $account, $mailbox, $time)",
            cancellationToken,
            ("$kind", (int)kind), ("$account", accountId), ("$mailbox", mailboxId), ("$time", UnixTime.Now()));
    }
}
