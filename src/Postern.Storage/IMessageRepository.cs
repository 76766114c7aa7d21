namespace Postern.Storage;

/// <summary>Messages of mailboxes: append, list, flag, copy, expunge, read.</summary>
/// <remarks>
/// Every change gives the changed messages the mailbox's next modification sequence and records an
/// entry in the change feed, in the same transaction.
/// </remarks>
public interface IMessageRepository
{
    /// <summary>
    /// Appends messages to a mailbox. When the task completes, the messages and their bytes are durable:
    /// they survive a crash of the process (and of the machine, when the store syncs to disk).
    /// </summary>
    /// <returns>The UID and modification sequence of each message, in order.</returns>
    /// <exception cref="StoreNotFoundException">The mailbox does not exist.</exception>
    Task<IReadOnlyList<AppendedMessage>> AppendAsync(long mailboxId, IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken);

    /// <summary>The mailbox's messages that pass <paramref name="filter"/>, in the requested order (ties by UID).</summary>
    /// <exception cref="StoreNotFoundException">The mailbox does not exist.</exception>
    Task<MessageListing> ListAsync(
        long mailboxId,
        MessageSortField sortField,
        bool descending,
        MessageFlagFilter filter,
        CancellationToken cancellationToken);

    /// <summary>The metadata of the given UIDs that exist, in UID order.</summary>
    Task<IReadOnlyList<MessageRecord>> GetAsync(long mailboxId, IReadOnlyList<uint> uids, CancellationToken cancellationToken);

    /// <summary>The metadata of messages with UIDs in <paramref name="fromUid"/>..<paramref name="toUid"/>, in UID order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<MessageRecord>> GetRangeAsync(long mailboxId, uint fromUid, uint toUid, int limit, CancellationToken cancellationToken);

    /// <summary>Opens the stored bytes of a message as a seekable read-only stream, or null when it does not exist.</summary>
    Task<Stream?> OpenContentAsync(long mailboxId, uint uid, CancellationToken cancellationToken);

    /// <summary>
    /// Lends the stored bytes of a message as memory, to parse in place without copying them; dispose the lease
    /// once nothing made from its bytes is used any more.
    /// </summary>
    /// <exception cref="StoreNotFoundException">The message does not exist (never appended, or expunged).</exception>
    Task<ContentLease> LeaseContentAsync(long mailboxId, uint uid, CancellationToken cancellationToken);

    /// <summary>Changes flags and keywords of the given messages.</summary>
    /// <returns>The messages whose flags or keywords actually changed, with their new modification sequence.</returns>
    Task<IReadOnlyList<MessageViewEntry>> UpdateFlagsAsync(long mailboxId, IReadOnlyList<uint> uids, FlagUpdate update, CancellationToken cancellationToken);

    /// <summary>Copies messages into another mailbox (they share their stored bytes); with <paramref name="move"/>, also expunges them from the source.</summary>
    /// <returns>The source and target UID of every message copied, in source UID order.</returns>
    /// <exception cref="StoreNotFoundException">A mailbox does not exist.</exception>
    Task<IReadOnlyList<CopiedMessage>> CopyAsync(long sourceMailboxId, IReadOnlyList<uint> uids, long targetMailboxId, bool move, CancellationToken cancellationToken);

    /// <summary>Removes messages for good and records their UIDs as expunged.</summary>
    /// <returns>The UIDs removed, in UID order.</returns>
    Task<IReadOnlyList<uint>> ExpungeAsync(long mailboxId, IReadOnlyList<uint> uids, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every message flagged Deleted, judged inside the removing transaction: a message whose
    /// Deleted flag another session clears meanwhile is never removed (IMAP EXPUNGE).
    /// </summary>
    /// <returns>The UIDs removed, in UID order.</returns>
    Task<IReadOnlyList<uint>> ExpungeDeletedAsync(long mailboxId, CancellationToken cancellationToken);

    /// <summary>The messages added, updated and expunged after <paramref name="sinceModSeq"/>.</summary>
    /// <exception cref="StoreNotFoundException">The mailbox does not exist.</exception>
    Task<MailboxDelta> GetDeltaAsync(long mailboxId, long sinceModSeq, CancellationToken cancellationToken);

    /// <summary>The UIDs of the mailbox's messages that match <paramref name="query"/>, in UID order.</summary>
    /// <remarks>
    /// Full-text conditions see only indexed messages: a caller that needs every message first indexes
    /// the ones <see cref="ListUnindexedAsync"/> reports.
    /// </remarks>
    Task<IReadOnlyList<uint>> SearchAsync(long mailboxId, MessageQuery query, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> UIDs of messages not yet in the full-text index, in UID order.</summary>
    Task<IReadOnlyList<uint>> ListUnindexedAsync(long mailboxId, int limit, CancellationToken cancellationToken);

    /// <summary>Indexes an unindexed message's words; a message already indexed (or gone) is left as it is.</summary>
    Task SetTextAsync(long mailboxId, uint uid, MessageText text, CancellationToken cancellationToken);

    /// <summary>Figures about the mailbox's messages that its counters do not hold.</summary>
    Task<MailboxStatistics> GetStatisticsAsync(long mailboxId, CancellationToken cancellationToken);
}
