using Postern.Storage;

namespace Postern.Mail.Messages;

/// <summary>Stores one message in a mailbox (XIMSS <c>messageAppend</c>, a copy of sent mail, a draft).</summary>
public sealed class MessageAppender(IStore store, TimeProvider time)
{
    /// <summary>Appends a message; it is durable when the task completes.</summary>
    /// <param name="internalDate">The arrival time; now when null.</param>
    /// <exception cref="MailException">The message is too large.</exception>
    /// <exception cref="UnknownMailboxException">The mailbox no longer exists.</exception>
    public async Task<AppendedMessage> AppendAsync(
        MailboxRecord mailbox, ReadOnlyMemory<byte> content, MessageFlags flags, IReadOnlyList<string> keywords,
        DateTimeOffset? internalDate, CancellationToken cancellationToken)
    {
        var message = StoredMessages.Create(content, flags, keywords, internalDate ?? time.GetUtcNow());
        try
        {
            return (await store.Messages.AppendAsync(mailbox.Id, [message], cancellationToken))[0];
        }
        catch (StoreNotFoundException)
        {
            throw new UnknownMailboxException(mailbox.Name);
        }
    }
}
