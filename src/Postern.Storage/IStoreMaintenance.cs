namespace Postern.Storage;

/// <summary>Housekeeping of the store, safe to run while it is in use.</summary>
public interface IStoreMaintenance
{
    /// <summary>
    /// Reclaims the space of expunged and removed messages: rewrites blob storage whose share of live
    /// bytes fell to <paramref name="maxLiveFraction"/> or below, and deletes storage nothing refers to.
    /// </summary>
    Task<CompactionResult> CompactAsync(double maxLiveFraction, CancellationToken cancellationToken);
}

/// <summary>What a compaction did.</summary>
/// <param name="FilesRewritten">Blob files whose live messages were copied elsewhere and which were deleted.</param>
/// <param name="BytesCopied">Live message bytes copied.</param>
/// <param name="BytesReclaimed">Disk space freed.</param>
public sealed record CompactionResult(int FilesRewritten, long BytesCopied, long BytesReclaimed);
