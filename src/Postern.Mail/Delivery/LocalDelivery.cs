using System.Globalization;
using Postern.Accounts;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Mail.Submission;
using Postern.Mime.Headers;
using Postern.Storage;

namespace Postern.Mail.Delivery;

/// <summary>
/// Puts a message into a local account's INBOX as mail arriving from outside: flagged Recent, with a
/// <c>Return-Path</c> and a <c>Received</c> trace field on top (RFC 5321 §4.4). Used by submission, by
/// <c>postern deliver</c>, and by any future SMTP listener.
/// </summary>
public sealed class LocalDelivery(IStore store, RecipientResolver resolver, DomainService domains, TimeProvider time)
{
    /// <summary>Delivers to a local address.</summary>
    /// <exception cref="MailException">The address is invalid, remote, or unknown, or the message is too large.</exception>
    public async Task<DeliveryResult> DeliverAsync(string recipient, ReadOnlyMemory<byte> message, DeliveryEnvelope envelope, CancellationToken cancellationToken)
    {
        var resolved = await resolver.ResolveAsync(recipient, cancellationToken);
        if (!resolved.IsLocal)
            throw new MailException(MailErrorCode.InvalidAddress, $"{resolved.Address} is not an address of this server");
        return await DeliverAsync(resolved, message, envelope, cancellationToken);
    }

    /// <summary>Delivers to a recipient already resolved as local.</summary>
    internal async Task<DeliveryResult> DeliverAsync(Recipient recipient, ReadOnlyMemory<byte> message, DeliveryEnvelope envelope, CancellationToken cancellationToken)
    {
        var account = recipient.Account ?? throw new ArgumentException("the recipient is not local", nameof(recipient));
        var now = time.GetUtcNow();
        var trace = await TraceFieldsAsync(recipient, envelope, now, cancellationToken);
        var content = HeaderFields.Prepend(trace, message.Span);
        var stored = StoredMessages.Create(content, MessageFlags.Recent, [], now);
        var inbox = await InboxAsync(account, cancellationToken);
        try
        {
            var appended = (await store.Messages.AppendAsync(inbox.Id, [stored], cancellationToken))[0];
            return new DeliveryResult(recipient.AccountName!.Value, inbox.Id, appended.Uid);
        }
        catch (StoreNotFoundException)
        {
            throw new MailException(MailErrorCode.UnknownRecipient, $"unknown recipient: {recipient.Address}");
        }
    }

    /// <summary>Return-Path (the envelope sender) and Received (who handed it over, how, for whom, when).</summary>
    private async Task<byte[]> TraceFieldsAsync(Recipient recipient, DeliveryEnvelope envelope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var server = await domains.GetMainDomainNameAsync(cancellationToken) ?? "localhost";
        var received = string.Create(CultureInfo.InvariantCulture,
            $"from {envelope.ReceivedFrom} by {server} with {envelope.Protocol} for <{recipient.Address}>; {MailDate.Format(now)}");
        return HeaderFields.Format(
        [
            new("Return-Path", $"<{envelope.Sender}>"),
            new("Received", received),
        ]);
    }

    /// <summary>The account's INBOX, created if it was lost.</summary>
    private async Task<MailboxRecord> InboxAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        if (await store.Mailboxes.FindAsync(account.Id, MailboxName.Inbox, cancellationToken) is { } inbox)
            return inbox;
        try
        {
            return await store.Mailboxes.CreateAsync(account.Id, MailboxName.Inbox, MailboxClass.Mail, cancellationToken);
        }
        catch (StoreConflictException)
        {
            return (await store.Mailboxes.FindAsync(account.Id, MailboxName.Inbox, cancellationToken))!;
        }
    }
}

/// <summary>Where a delivered message came from.</summary>
/// <param name="Sender">The envelope sender for Return-Path (RFC 5321 MAIL FROM); empty for a bounce.</param>
/// <param name="ReceivedFrom">Who handed the message over, for the Received field (an account, a host).</param>
/// <param name="Protocol">How (<c>XIMSS</c>, <c>HTTP</c>, <c>LOCAL</c>, <c>ESMTP</c>).</param>
public sealed record DeliveryEnvelope(string Sender, string ReceivedFrom, string Protocol);

/// <summary>Where a delivered message went.</summary>
public sealed record DeliveryResult(AccountName Recipient, long MailboxId, uint Uid);
