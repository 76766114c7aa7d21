using Postern.Mime;
using Postern.Storage;

namespace Postern.WebUser.Mail;

/// <summary>A message of one of the session's mailboxes, read and parsed for display.</summary>
public sealed record StoredMessage(MailboxRecord Mailbox, MessageRecord Record, MimeMessage Message);

/// <summary>Reads stored messages for the Message page and for part downloads.</summary>
public sealed class StoredMessageReader(IStore store)
{
    /// <summary>The message, or null when the mailbox or the UID does not exist.</summary>
    /// <exception cref="InvalidDataException">The message is larger than <paramref name="maxBytes"/>.</exception>
    public async Task<StoredMessage?> ReadAsync(MailboxRecord mailbox, uint uid, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var records = await store.Messages.GetAsync(mailbox.Id, [uid], cancellationToken);
        if (records.Count == 0)
            return null;
        await using var content = await store.Messages.OpenContentAsync(mailbox.Id, uid, cancellationToken);
        if (content is null)
            return null;
        var message = await MimeMessage.LoadAsync(content, MimeLimits.Default with { MaxMessageSize = maxBytes }, cancellationToken);
        return new StoredMessage(mailbox, records[0], message);
    }
}
