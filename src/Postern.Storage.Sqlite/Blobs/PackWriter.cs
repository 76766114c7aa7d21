using Microsoft.Extensions.Logging;

namespace Postern.Storage.Sqlite.Blobs;

/// <summary>
/// The one pack file this store instance appends to, claimed through an exclusive lock file so
/// that no other process appends to it at the same time.
/// </summary>
/// <remarks>
/// Bytes are appended, synced, and only then referenced by a committed row; the committed length
/// is stored with those rows. Whatever lies past it was written by a batch whose transaction never
/// committed (a crash, a failed batch) and is cut off when the file is claimed.
/// </remarks>
internal sealed class PackWriter : IDisposable
{
    // Large enough that a batch of small messages costs few write calls.
    private const int WriteBufferBytes = 256 * 1024;

    private readonly FileStream _lock;
    private readonly FileStream _data;
    private readonly bool _syncToDisk;

    private PackWriter(long packId, FileStream lockFile, FileStream data, long committedLength, bool syncToDisk)
    {
        PackId = packId;
        _lock = lockFile;
        _data = data;
        _syncToDisk = syncToDisk;
        CommittedLength = committedLength;
    }

    public long PackId { get; }

    /// <summary>The length the last committed transaction referenced.</summary>
    public long CommittedLength { get; private set; }

    /// <summary>The length including appended bytes not committed yet.</summary>
    public long Length => _data.Position;

    /// <summary>Takes the pack's lock file without waiting, or returns null when another writer holds it.</summary>
    public static FileStream? TryLock(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens the pack for appending once its lock is held, cutting off bytes past
    /// <paramref name="committedLength"/> (read from the database after the lock was taken).
    /// </summary>
    public static PackWriter Open(long packId, string dataPath, FileStream lockFile, long committedLength, bool syncToDisk, ILogger logger)
    {
        // FileShare.ReadWrite: readers in this and other processes keep reading committed ranges.
        var data = new FileStream(dataPath, FileMode.OpenOrCreate, FileAccess.ReadWrite,
            FileShare.ReadWrite | FileShare.Delete, WriteBufferBytes);
        try
        {
            if (data.Length < committedLength)
            {
                throw new StoreException(
                    $"blob file {dataPath} is {data.Length} bytes but {committedLength} bytes were committed to it; the file was truncated outside Postern");
            }
            if (data.Length > committedLength)
            {
                logger.LogWarning("cut {Bytes} uncommitted bytes off {File} (an interrupted append)", data.Length - committedLength, dataPath);
                data.SetLength(committedLength);
                data.Flush(flushToDisk: syncToDisk);
            }
            data.Position = committedLength;
            return new PackWriter(packId, lockFile, data, committedLength, syncToDisk);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    public BlobLocation Append(ReadOnlySpan<byte> content)
    {
        var offset = _data.Position;
        _data.Write(content);
        return new BlobLocation(PackId, offset, content.Length);
    }

    /// <summary>Appends <paramref name="length"/> bytes read from <paramref name="source"/> (compaction copies stored blobs this way).</summary>
    public async Task<BlobLocation> AppendFromAsync(Stream source, long length, CancellationToken cancellationToken)
    {
        var offset = _data.Position;
        await source.CopyToAsync(_data, cancellationToken);
        if (_data.Position - offset != length)
            throw new StoreException($"blob at {offset} of pack {PackId}: expected {length} bytes, copied {_data.Position - offset}");
        return new BlobLocation(PackId, offset, length);
    }

    /// <summary>Writes buffered bytes to the file and, when the store is durable, syncs them to disk.</summary>
    public void Sync() => _data.Flush(flushToDisk: _syncToDisk);

    /// <summary>The batch's transaction committed: its bytes are now referenced.</summary>
    public void MarkCommitted() => CommittedLength = _data.Position;

    /// <summary>The batch's transaction failed: drop its bytes so the file ends at the committed length again.</summary>
    public void Rollback()
    {
        _data.SetLength(CommittedLength);
        _data.Position = CommittedLength;
    }

    public void Dispose()
    {
        _data.Dispose();
        _lock.Dispose();
    }
}
