using Postern.Mail.Access;
using Postern.Mail.Delivery;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Mail.Reading;
using Postern.Mime;
using Postern.Mime.Addresses;
using Postern.Mime.Headers;
using Postern.Mime.Writing;
using Postern.Storage;

namespace Postern.Mail.Submission;

/// <summary>
/// Sends mail for a user (XIMSS <c>messageSubmit</c>, WebUser Compose): checks the sender, completes the
/// header, delivers to local recipients at once, queues remote ones, and files a copy in Sent.
/// </summary>
/// <remarks>
/// Every recipient is resolved before anything is sent: an unknown local recipient or an invalid address
/// fails the whole submission. Bcc is used for the envelope and removed from what recipients get; the Sent
/// copy keeps it. Remote recipients wait in the outbound queue, held until an SMTP relay is configured.
/// </remarks>
public sealed partial class MessageSubmission(
    IStore store, MailboxAccess access, RecipientResolver resolver, LocalDelivery delivery, UserAddresses addresses,
    MailPreferences preferences, MailboxService mailboxes, MessageAppender appender, MessageReader reader, TimeProvider time)
{
    /// <summary>The status queued remote mail shows while Postern has no way to send it.</summary>
    public const string HeldStatus = "held: no SMTP relay configured";

    /// <summary>The protocol name in the Received field of mail users submit.</summary>
    private const string SubmissionProtocol = "HTTP";

    /// <summary>Sends a composed message; From is the user when unset.</summary>
    /// <exception cref="MailException">See <see cref="SubmitAsync(MailUser, ReadOnlyMemory{byte}, SubmissionOptions, CancellationToken)"/>.</exception>
    public Task<SubmissionResult> SubmitAsync(MailUser user, ComposedMessage message, SubmissionOptions options, CancellationToken cancellationToken)
    {
        if (message.From.Count == 0)
            message.From.Add(UserAddresses.Primary(user));
        var bytes = MessageWriter.Write(message, new MessageWriterOptions { MessageIdDomain = user.Name.Domain, TimeProvider = time });
        return SubmitAsync(user, bytes, options, cancellationToken);
    }

    /// <summary>Sends an RFC 5322 message; Date, Message-ID, MIME-Version and From are added when missing.</summary>
    /// <exception cref="MailException">
    /// The message is too large, From is not one of the user's addresses, there are no or too many
    /// recipients, or a recipient is invalid or an unknown local one.
    /// </exception>
    public async Task<SubmissionResult> SubmitAsync(MailUser user, ReadOnlyMemory<byte> message, SubmissionOptions options, CancellationToken cancellationToken)
    {
        CheckSize(message.Length);
        var (completed, messageId) = await CompleteHeaderAsync(user, message, cancellationToken);
        var headers = HeaderList.Parse(completed);
        var recipients = options.Recipients
            ?? new[] { "To", "Cc", "Bcc" }.SelectMany(name => headers.GetAddresses(name).Mailboxes).Where(m => m.IsComplete).Select(m => m.Address).ToArray();
        var resolved = await ResolveAsync(recipients, cancellationToken);

        // RFC 5322 §3.6.3: Bcc recipients are not disclosed to the others.
        var sent = HeaderFields.Remove(completed, "Bcc");
        var (delivered, queued, queueId) = await TransmitAsync(user, sent, resolved, options.RequestDsn, cancellationToken);
        var sentCopy = await SaveSentAsync(user, completed, options.SaveSent, cancellationToken);
        return new SubmissionResult(messageId, delivered, queued, queueId, sentCopy);
    }

    /// <summary>Delivers locally and queues remote recipients for the user; the message is already complete.</summary>
    private Task<(IReadOnlyList<string> Delivered, IReadOnlyList<string> Queued, long? QueueId)> TransmitAsync(
        MailUser user, ReadOnlyMemory<byte> message, IReadOnlyList<Recipient> recipients, bool requestDsn, CancellationToken cancellationToken) =>
        TransmitAsync(new DeliveryEnvelope(UserAddresses.Primary(user).Address, user.Name.ToString(), SubmissionProtocol), user.Id, message, recipients,
            requestDsn, cancellationToken);

    /// <summary>Delivers locally and queues remote recipients (<paramref name="accountId"/>: the account sending, none for the server's own mail).</summary>
    private async Task<(IReadOnlyList<string> Delivered, IReadOnlyList<string> Queued, long? QueueId)> TransmitAsync(
        DeliveryEnvelope envelope, long? accountId, ReadOnlyMemory<byte> message, IReadOnlyList<Recipient> recipients, bool requestDsn,
        CancellationToken cancellationToken)
    {
        var sender = envelope.Sender;
        // One copy per account, however many of its addresses were named; deliveries run together and share a commit.
        var local = recipients.Where(r => r.IsLocal).DistinctBy(r => r.Account!.Id).ToArray();
        await Task.WhenAll(local.Select(r => delivery.DeliverAsync(r, message, envelope, cancellationToken)));

        var remote = recipients.Where(r => !r.IsLocal).Select(r => r.Address).ToArray();
        long? queueId = null;
        if (remote.Length > 0)
        {
            var entry = await store.Outbound.EnqueueAsync(new NewOutboundMessage(accountId, sender, remote, message, requestDsn, HeldStatus), cancellationToken);
            queueId = entry.Id;
        }
        return (local.Select(r => r.Address).ToArray(), remote, queueId);
    }

    private async Task<IReadOnlyList<Recipient>> ResolveAsync(IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var distinct = addresses.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (distinct.Length == 0)
            throw new MailException(MailErrorCode.NoRecipients, "no recipients specified");
        if (distinct.Length > SubmissionLimits.MaxRecipients)
            throw new MailException(MailErrorCode.MessageTooLarge, $"a message may have at most {SubmissionLimits.MaxRecipients} recipients");
        var resolved = new List<Recipient>(distinct.Length);
        foreach (var address in distinct)
            resolved.Add(await resolver.ResolveAsync(address, cancellationToken));
        return resolved;
    }

    /// <summary>Checks From and Sender against the user's addresses and adds the fields a message must have (RFC 5322 §3.6).</summary>
    private async Task<(ReadOnlyMemory<byte> Message, string MessageId)> CompleteHeaderAsync(
        MailUser user, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var headers = MimeMessage.Parse(message).Headers;
        foreach (var author in headers.GetAddresses("From").Mailboxes.Concat(headers.GetAddresses("Sender").Mailboxes))
        {
            if (!await addresses.IsOwnAsync(user, author, cancellationToken))
                throw new MailException(MailErrorCode.InvalidAddress, $"invalid address: you may not send as {author.Address}");
        }

        var added = new List<KeyValuePair<string, string>>();
        var messageId = headers.GetMessageIds("Message-ID").FirstOrDefault();
        if (messageId is null)
        {
            messageId = HeaderFields.NewMessageId(user.Name.Domain);
            added.Add(new("Message-ID", $"<{messageId}>"));
        }
        if (!headers.Contains("Date"))
            added.Add(new("Date", MailDate.Format(time.GetUtcNow())));
        if (!headers.Contains("From"))
            added.Add(new("From", UserAddresses.Primary(user).ToString()));
        if (!headers.Contains("MIME-Version"))
            added.Add(new("MIME-Version", "1.0"));
        return (added.Count == 0 ? message : HeaderFields.Prepend(HeaderFields.Format(added), message.Span), messageId);
    }

    private async Task<(string Mailbox, AppendedMessage Message)?> SaveSentAsync(
        MailUser user, ReadOnlyMemory<byte> message, bool? saveSent, CancellationToken cancellationToken)
    {
        var sentBox = await preferences.GetSentBoxAsync(user, cancellationToken);
        if (saveSent == false || (saveSent is null && sentBox is null))
            return null;
        var mailbox = await mailboxes.GetOrCreateAsync(user, sentBox ?? "Sent", MailboxClass.Mail, cancellationToken);
        mailbox.Require(MailboxRights.Insert, "keep sent messages in it");
        var appended = await appender.AppendAsync(mailbox.Record, message, MessageFlags.Seen, [], null, cancellationToken);
        return (mailbox.Name, appended);
    }

    private static void CheckSize(long size)
    {
        if (size > SubmissionLimits.MaxMessageSize)
            throw new MailException(MailErrorCode.MessageTooLarge, $"message is too large: {size} bytes; the limit is {SubmissionLimits.MaxMessageSize}");
    }
}
