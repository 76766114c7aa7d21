using Postern.Mail.Delivery;
using Postern.Mime.Addresses;
using Postern.Mime.Writing;

namespace Postern.Mail.Submission;

public sealed partial class MessageSubmission
{
    /// <summary>The protocol name in the Received field of the server's own mail.</summary>
    private const string NoticeProtocol = "LOCAL";

    /// <summary>
    /// Sends a message from the server itself (a password reset link) to one address, the way users'
    /// mail goes: delivered at once to a local account, queued for a remote address. Nothing is kept in
    /// any Sent mailbox. From is <c>postmaster@</c><paramref name="domain"/> unless the message has one.
    /// </summary>
    /// <exception cref="MailException">The recipient is invalid or an unknown local address.</exception>
    public async Task<SubmissionResult> SendNoticeAsync(ComposedMessage message, string recipient, string domain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(domain);
        var postmaster = new MailboxAddress(null, "postmaster", domain);
        if (message.From.Count == 0)
            message.From.Add(postmaster);
        message.MessageId ??= HeaderFields.NewMessageId(domain);
        var bytes = MessageWriter.Write(message, new MessageWriterOptions { MessageIdDomain = domain, TimeProvider = time });
        CheckSize(bytes.Length);
        var resolved = await ResolveAsync([recipient], cancellationToken);
        // RFC 5321 §4.5.5: mail a person did not write goes out with the null reverse-path, so bounces of it are not bounced again.
        var envelope = new DeliveryEnvelope("", postmaster.Address, NoticeProtocol);
        var (delivered, queued, queueId) = await TransmitAsync(envelope, null, bytes, resolved, requestDsn: false, cancellationToken);
        return new SubmissionResult(message.MessageId, delivered, queued, queueId, null);
    }
}
