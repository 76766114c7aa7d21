using Microsoft.Extensions.Logging;
using Postern.Storage.Sqlite.Blobs;

namespace Postern.Storage.Sqlite;

/// <summary>
/// Compaction of pack files: a pack whose live share fell low enough has its live blobs copied into
/// the current writer pack, its rows repointed in one transaction, and is then deleted.
/// </summary>
/// <remarks>
/// A pack another process is appending to is skipped (its lock is held); this instance's own pack is
/// sealed first when it qualifies. Readers that resolved an
/// old location just before the switch still read it: on Linux a deleted file stays readable
/// through open handles, and a reader that had not opened it yet looks the location up again.
/// </remarks>
internal sealed class SqliteStoreMaintenance(SqliteDatabase database, BlobStore blobs, SqliteStoreOptions options, ILogger logger)
    : IStoreMaintenance
{
    public async Task<CompactionResult> CompactAsync(double maxLiveFraction, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLiveFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLiveFraction, 1.0);

        var packs = await database.ReadAsync(transaction => transaction.ListAsync(
            """
            SELECT p.id, p.committed_length, coalesce(l.live, 0)
            FROM blob_packs p LEFT JOIN (
                SELECT pack_id, sum(size) AS live FROM (SELECT DISTINCT pack_id, pack_offset, size FROM messages) GROUP BY pack_id
            ) l ON l.pack_id = p.id
            ORDER BY p.id
            """,
            reader => (Id: reader.GetInt64(0), Committed: reader.GetInt64(1), Live: reader.GetInt64(2)), cancellationToken), cancellationToken);

        int rewritten = 0;
        long copied = 0, reclaimed = 0;
        foreach (var pack in packs)
        {
            if (pack.Committed > 0 && (double)pack.Live / pack.Committed > maxLiveFraction)
                continue;
            var result = await CompactPackAsync(pack.Id, cancellationToken);
            if (result is null)
                continue;
            rewritten++;
            copied += result.Value.Copied;
            reclaimed += result.Value.Reclaimed;
        }
        reclaimed += await DeleteOrphanFilesAsync(packs.Select(p => p.Id).ToHashSet(), cancellationToken);
        await DeleteOrphanTextAsync(cancellationToken);
        return new CompactionResult(rewritten, copied, reclaimed);
    }

    /// <summary>
    /// Drops indexed words no message refers to: removing an account or a domain deletes its messages
    /// by cascade, which leaves their words behind (expunge and mailbox removal drop them at once).
    /// </summary>
    private Task DeleteOrphanTextAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.Transaction.ExecuteAsync(
            "DELETE FROM message_text WHERE rowid IN (SELECT rowid FROM message_text EXCEPT SELECT text_id FROM messages)",
            cancellationToken), cancellationToken);

    /// <summary>Moves one pack's live blobs into the writer pack; null when the pack is in use and was skipped.</summary>
    private async Task<(long Copied, long Reclaimed)?> CompactPackAsync(long packId, CancellationToken cancellationToken)
    {
        await blobs.WriterGate.WaitAsync(cancellationToken);
        PackWriter? writer = null;
        try
        {
            writer = await blobs.GetWriterAsync(cancellationToken);
            if (writer.PackId == packId)
            {
                // Our own pack qualifies: stop appending to it and move on to a new one, so that a
                // long-running server reclaims space without waiting for its pack to fill up.
                if (writer.CommittedLength == 0)
                    return null;
                await database.WriteAsync(write => write.Transaction.ExecuteAsync(
                    "UPDATE blob_packs SET sealed = 1 WHERE id = $id", cancellationToken, ("$id", packId)), cancellationToken);
                blobs.ReleaseWriter();
                writer = await blobs.GetWriterAsync(cancellationToken);
            }
            using var packLock = PackWriter.TryLock(blobs.LockPath(packId));
            if (packLock is null)
                return null;

            // No one appends to this pack now; copies made meanwhile reuse listed ranges, and the
            // repointing below is by range, so it catches them too.
            var ranges = await database.ReadAsync(transaction => transaction.ListAsync(
                "SELECT DISTINCT pack_offset, size FROM messages WHERE pack_id = $pack ORDER BY pack_offset",
                reader => new BlobLocation(packId, reader.GetInt64(0), reader.GetInt64(1)), cancellationToken, ("$pack", packId)), cancellationToken);
            var moves = new List<(BlobLocation From, BlobLocation To)>(ranges.Count);
            foreach (var range in ranges)
            {
                await using var source = blobs.OpenRead(range);
                moves.Add((range, await writer.AppendFromAsync(source, range.Length, cancellationToken)));
            }
            writer.Sync();

            var seal = writer.Length >= options.MaxPackFileBytes;
            var packWriter = writer;
            await database.WriteAsync(async write =>
            {
                await using var repoint = write.Transaction.Command(
                    "UPDATE messages SET pack_id = $newPack, pack_offset = $newOffset WHERE pack_id = $oldPack AND pack_offset = $oldOffset",
                    ("$newPack", packWriter.PackId), ("$newOffset", 0L), ("$oldPack", packId), ("$oldOffset", 0L));
                foreach (var (from, to) in moves)
                {
                    repoint.Parameters["$newOffset"].Value = to.Offset;
                    repoint.Parameters["$oldOffset"].Value = from.Offset;
                    await repoint.ExecuteNonQueryAsync(cancellationToken);
                }
                var left = await write.Transaction.ScalarAsync<long>(
                    "SELECT count(*) FROM messages WHERE pack_id = $pack", cancellationToken, ("$pack", packId));
                if (left != 0)
                    throw new StoreException($"blob file {packId} gained {left} references during compaction");
                await write.Transaction.ExecuteAsync("DELETE FROM blob_packs WHERE id = $pack", cancellationToken, ("$pack", packId));
                await write.Transaction.ExecuteAsync(
                    "UPDATE blob_packs SET committed_length = $length, sealed = $sealed WHERE id = $id",
                    cancellationToken, ("$length", packWriter.Length), ("$sealed", seal ? 1 : 0), ("$id", packWriter.PackId));
            }, cancellationToken);
            writer.MarkCommitted();
            if (seal)
                blobs.ReleaseWriter();

            blobs.ForgetPack(packId);
            var reclaimed = DeleteFile(blobs.DataPath(packId));
            File.Delete(blobs.LockPath(packId));
            logger.LogInformation("compacted blob file {Pack}: copied {Copied} live bytes, reclaimed {Reclaimed} bytes",
                packId, moves.Sum(m => m.From.Length), reclaimed);
            return (moves.Sum(m => m.From.Length), reclaimed);
        }
        catch (Exception) when (writer is not null)
        {
            // Drop what was copied so the writer pack ends at its committed length again.
            writer.Rollback();
            throw;
        }
        finally
        {
            blobs.WriterGate.Release();
        }
    }

    /// <summary>Deletes pack files without a row: left by a crash between a compaction's commit and its file deletion.</summary>
    private async Task<long> DeleteOrphanFilesAsync(HashSet<long> known, CancellationToken cancellationToken)
    {
        long reclaimed = 0;
        foreach (var path in Directory.EnumerateFiles(blobs.Directory, "*.pack"))
        {
            if (!long.TryParse(Path.GetFileNameWithoutExtension(path), out var packId) || known.Contains(packId))
                continue;
            // A pack row is committed before its file is created, so a file without one is garbage
            // unless the row was created after the list was read: re-check under the pack's lock.
            using var packLock = PackWriter.TryLock(blobs.LockPath(packId));
            if (packLock is null)
                continue;
            var exists = await database.ReadAsync(transaction => transaction.ScalarAsync<long>(
                "SELECT count(*) FROM blob_packs WHERE id = $id", cancellationToken, ("$id", packId)), cancellationToken);
            if (exists != 0)
                continue;
            reclaimed += DeleteFile(path);
            File.Delete(blobs.LockPath(packId));
        }
        return reclaimed;
    }

    private static long DeleteFile(string path)
    {
        var length = new FileInfo(path).Length;
        File.Delete(path);
        return length;
    }
}
