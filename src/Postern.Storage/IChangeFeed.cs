namespace Postern.Storage;

/// <summary>
/// The store's change log, shared by every process that uses the store, so that a server notices
/// what the CLI (or another node) changed.
/// </summary>
public interface IChangeFeed
{
    /// <summary>The sequence of the newest entry (0 when there is none).</summary>
    Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken);

    /// <summary>Entries after <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoreChange>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when entries after <paramref name="afterSequence"/> exist, whichever process wrote them.
    /// Changes made through this store instance wake the waiter at once; changes by others are noticed
    /// within the provider's polling interval.
    /// </summary>
    Task WaitAsync(long afterSequence, CancellationToken cancellationToken);

    /// <summary>Deletes entries older than <paramref name="olderThan"/>.</summary>
    /// <returns>How many entries were deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
