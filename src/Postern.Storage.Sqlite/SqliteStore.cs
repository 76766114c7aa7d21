using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postern.Storage.Files;
using Postern.Storage.Sqlite.Blobs;
using Postern.Storage.Sqlite.Files;
using Postern.Storage.Sqlite.Schema;

namespace Postern.Storage.Sqlite;

/// <summary>
/// The embedded store: metadata in one SQLite database (WAL mode), message bytes in append-only
/// pack files beside it, File Storage as plain files under <c>files/</c>. Several processes may open the same data directory at once.
/// </summary>
public sealed class SqliteStore : IStore
{
    private readonly SqliteDatabase _database;
    private readonly BlobStore _blobs;
    private readonly AppendPipeline _appends;
    private readonly SqliteChangeFeed _changes;
    private int _disposed;

    private SqliteStore(SqliteDatabase database, BlobStore blobs, SqliteStoreOptions options, ILogger logger)
    {
        _database = database;
        _blobs = blobs;
        _appends = new AppendPipeline(database, blobs, options, logger);
        _changes = new SqliteChangeFeed(database, options, logger);
        Domains = new SqliteDomainRepository(database);
        Accounts = new SqliteAccountRepository(database);
        Mailboxes = new SqliteMailboxRepository(database);
        Messages = new SqliteMessageRepository(database, blobs, _appends);
        Alerts = new SqliteAlertRepository(database);
        Outbound = new SqliteOutboundQueue(database);
        ServerSettings = new SqliteServerSettingsRepository(database);
        Maintenance = new SqliteStoreMaintenance(database, blobs, options, logger);
        Files = new DiskFileStore(Path.Combine(options.DataDirectory, DiskFileStore.FolderName), options.SyncToDisk);
    }

    public IDomainRepository Domains { get; }

    public IAccountRepository Accounts { get; }

    public IMailboxRepository Mailboxes { get; }

    public IMessageRepository Messages { get; }

    public IAlertRepository Alerts { get; }

    public IServerSettingsRepository ServerSettings { get; }

    public IOutboundQueue Outbound { get; }

    public IChangeFeed Changes => _changes;

    public IStoreMaintenance Maintenance { get; }

    public IFileStore Files { get; }

    /// <summary>The database file's full path.</summary>
    public static string DatabasePath(SqliteStoreOptions options) =>
        Path.GetFullPath(Path.Combine(options.DataDirectory, options.DatabaseFileName));

    /// <summary>Opens the store in <see cref="SqliteStoreOptions.DataDirectory"/>, creating the directory, database and schema when missing.</summary>
    public static async Task<SqliteStore> OpenAsync(SqliteStoreOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(StoreLog.Tag);
        Directory.CreateDirectory(options.DataDirectory);

        var database = new SqliteDatabase(DatabasePath(options), options);
        try
        {
            await using (var connection = await database.OpenAsync(cancellationToken))
                await SchemaMigrator.MigrateAsync(connection, cancellationToken);
            return new SqliteStore(database, new BlobStore(database, options, logger), options, logger);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        // Appends in flight finish (and are acknowledged) before the files close.
        await _appends.DisposeAsync();
        await _changes.DisposeAsync();
        _blobs.Dispose();
        _database.Dispose();
    }
}
