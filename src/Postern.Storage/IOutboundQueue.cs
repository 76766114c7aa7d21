namespace Postern.Storage;

/// <summary>
/// The persistent queue of messages for recipients outside this server: each entry keeps the message
/// bytes, the envelope and a status people can read, until it is sent or removed.
/// </summary>
public interface IOutboundQueue
{
    /// <summary>Queues a message; it is durable when the task completes.</summary>
    Task<OutboundEntry> EnqueueAsync(NewOutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Every entry, oldest first (without the message bytes).</summary>
    Task<IReadOnlyList<OutboundEntry>> ListAsync(CancellationToken cancellationToken);

    Task<OutboundEntry?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The queued message's bytes, or null when the entry does not exist.</summary>
    Task<Stream?> OpenContentAsync(long id, CancellationToken cancellationToken);

    /// <returns>False when there was no such entry.</returns>
    Task<bool> RemoveAsync(long id, CancellationToken cancellationToken);
}

/// <summary>A message to queue for remote delivery.</summary>
/// <param name="AccountId">The account that submitted it, or null for mail that entered otherwise.</param>
/// <param name="Sender">The envelope sender (RFC 5321 MAIL FROM), an address or empty for a bounce.</param>
/// <param name="Recipients">The envelope recipients (RFC 5321 RCPT TO), addresses.</param>
/// <param name="RequestDsn">Whether delivery status notifications were asked for (RFC 3461).</param>
/// <param name="Status">What a person reading the queue should see, e.g. why it is held.</param>
public sealed record NewOutboundMessage(
    long? AccountId,
    string Sender,
    IReadOnlyList<string> Recipients,
    ReadOnlyMemory<byte> Content,
    bool RequestDsn,
    string Status);

/// <summary>A queued message's envelope and state.</summary>
/// <param name="Attempts">Delivery attempts made so far.</param>
/// <param name="LastError">The last attempt's error, or null.</param>
public sealed record OutboundEntry(
    long Id,
    long? AccountId,
    string Sender,
    IReadOnlyList<string> Recipients,
    long Size,
    bool RequestDsn,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset Queued);
