using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using Postern.FileMapping;

namespace Postern.Storage.Sqlite.Blobs;

/// <summary>
/// Message bytes in append-only pack files under <c>blobs/</c>: <c>NNNNNN.pack</c> holds the bytes,
/// <c>NNNNNN.lock</c> is held by the process appending to it.
/// </summary>
internal sealed class BlobStore : IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly SqliteStoreOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, SafeFileHandle> _readHandles = new();
    private PackWriter? _writer;

    public BlobStore(SqliteDatabase database, SqliteStoreOptions options, ILogger logger)
    {
        _database = database;
        _options = options;
        _logger = logger;
        Directory = Path.Combine(options.DataDirectory, "blobs");
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Serialises use of the writer: the append loop and compaction take turns.</summary>
    public SemaphoreSlim WriterGate { get; } = new(1, 1);

    public string DataPath(long packId) => Path.Combine(Directory, $"{packId:D6}.pack");

    public string LockPath(long packId) => Path.Combine(Directory, $"{packId:D6}.lock");

    /// <summary>
    /// The pack this instance appends to: an unsealed pack no other process holds, or a new one.
    /// Callers hold <see cref="WriterGate"/>.
    /// </summary>
    public async Task<PackWriter> GetWriterAsync(CancellationToken cancellationToken)
    {
        // A fresh pack can be taken by a racing compaction before we lock it; three rounds make
        // losing every one of them practically impossible.
        const int Attempts = 3;
        for (var attempt = 0; _writer is null && attempt < Attempts; attempt++)
        {
            var unsealed = await _database.ReadAsync(transaction => transaction.ListAsync(
                "SELECT id FROM blob_packs WHERE sealed = 0 ORDER BY id", reader => reader.GetInt64(0), cancellationToken), cancellationToken);
            foreach (var packId in unsealed)
            {
                _writer = await TryClaimAsync(packId, cancellationToken);
                if (_writer is not null)
                    break;
            }
            if (_writer is not null)
                break;

            var newPackId = await _database.WriteAsync(write => write.Transaction.ScalarAsync<long>(
                "INSERT INTO blob_packs DEFAULT VALUES RETURNING id", cancellationToken), cancellationToken);
            _writer = await TryClaimAsync(newPackId, cancellationToken);
            if (_writer is not null)
            {
                DirectorySync.Sync(Directory);
                _logger.LogInformation("started blob file {File}", DataPath(newPackId));
            }
        }
        return _writer ?? throw new StoreException($"could not claim a blob file in {Directory}");
    }

    /// <summary>Stops appending to the current pack (it was sealed in the committed transaction).</summary>
    public void ReleaseWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }

    private async Task<PackWriter?> TryClaimAsync(long packId, CancellationToken cancellationToken)
    {
        var lockFile = PackWriter.TryLock(LockPath(packId));
        if (lockFile is null)
            return null;
        try
        {
            // Read after the lock is held: only the holder moves the committed length, so it is final now.
            var pack = await _database.ReadAsync(transaction => transaction.SingleOrDefaultAsync(
                "SELECT committed_length, sealed FROM blob_packs WHERE id = $id",
                reader => new PackState(reader.GetInt64(0), reader.GetInt64(1) != 0), cancellationToken, ("$id", packId)), cancellationToken);
            if (pack is null || pack.Sealed)
            {
                lockFile.Dispose();
                return null;
            }
            return PackWriter.Open(packId, DataPath(packId), lockFile, pack.CommittedLength, _options.SyncToDisk, _logger);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Opens a committed blob range for reading.</summary>
    public Stream OpenRead(BlobLocation location) => new PackRangeStream(ReadHandle(location.PackId), location.Offset, location.Length);

    /// <summary>Lends a committed blob range as memory: mapped from the pack when large, else read into an array.</summary>
    /// <remarks>
    /// Small ranges are read into a fresh array rather than a pooled one: a pooled buffer returned when the lease
    /// ends would be reused for another message, and anything still reading the old lease would see that
    /// message's bytes. A mapped range survives compaction deleting its pack (see <see cref="MappedFileRange"/>).
    /// </remarks>
    public async Task<ContentLease> LeaseAsync(BlobLocation location, CancellationToken cancellationToken)
    {
        if (location.Length > Array.MaxLength)
            throw new StoreException($"a message of {location.Length} bytes is too large to lend as memory; read it as a stream");
        var handle = ReadHandle(location.PackId);
        var length = (int)location.Length;
        if (length >= MappedFileRange.WorthMappingFrom)
        {
            var range = MappedFileRange.Map(handle, location.Offset, length);
            return new ContentLease(range.Memory, range);
        }

        var bytes = new byte[length];
        for (var read = 0; read < length;)
        {
            var count = await RandomAccess.ReadAsync(handle, bytes.AsMemory(read), location.Offset + read, cancellationToken);
            if (count == 0)
                throw new StoreException($"blob file {DataPath(location.PackId)} ends before the message at {location.Offset} does");
            read += count;
        }
        return new ContentLease(bytes, null);
    }

    /// <summary>This process's read handle of a pack, shared by all readers (they read by position).</summary>
    private SafeFileHandle ReadHandle(long packId) =>
        _readHandles.GetOrAdd(packId, static (packId, store) =>
            File.OpenHandle(store.DataPath(packId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                FileOptions.RandomAccess), this);

    /// <summary>Drops this process's read handle of a pack that compaction deleted.</summary>
    /// <remarks>
    /// The handle is not closed here: a stream opened just before may still be reading from it. Once
    /// no stream refers to it, the handle's finalizer closes it.
    /// </remarks>
    public void ForgetPack(long packId) => _readHandles.TryRemove(packId, out _);

    private sealed record PackState(long CommittedLength, bool Sealed);

    public void Dispose()
    {
        ReleaseWriter();
        foreach (var handle in _readHandles.Values)
            handle.Dispose();
        _readHandles.Clear();
        WriterGate.Dispose();
    }
}
