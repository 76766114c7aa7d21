namespace Postern.Storage.Sqlite;

/// <summary>Where the SQLite store keeps its files and how it trades latency for throughput.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The data directory: the database file and the <c>blobs/</c> folder live here.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The database file name inside <see cref="DataDirectory"/>.</summary>
    public string DatabaseFileName { get; init; } = "postern.db";

    /// <summary>
    /// When false, neither SQLite (<c>synchronous=NORMAL</c>) nor the blob files are synced to disk:
    /// a killed process still loses nothing, a power cut may lose the last commits. Only for tests
    /// and throw-away data; the default is durable.
    /// </summary>
    public bool SyncToDisk { get; init; } = true;

    /// <summary>
    /// How long a writer waits for another process's write transaction before failing. Chosen so
    /// that a long CLI import batch (well under a second) never fails a concurrent server write.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A blob file is sealed (no more appends) once it reaches this size. 1 GiB keeps the number of
    /// files small while bounding what one compaction of a file has to copy.
    /// </summary>
    public long MaxPackFileBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Appends waiting together are written with one sync and one transaction, up to this many
    /// messages. Large enough to amortise the two syncs, small enough to keep a batch's latency low.
    /// </summary>
    public int MaxAppendBatchMessages { get; init; } = 2000;

    /// <summary>Appends waiting together are written in one batch up to this many bytes (32 MiB bounds the memory a batch pins).</summary>
    public long MaxAppendBatchBytes { get; init; } = 32L << 20;

    /// <summary>
    /// How often the change feed looks for commits by other processes (a <c>PRAGMA data_version</c>
    /// probe, no table read). 100 ms keeps CLI changes "live" for a watching server at negligible cost.
    /// </summary>
    public TimeSpan ChangePollInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
