using System.Text;
using Postern.Accounts;
using Postern.Mail;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Mime;
using Postern.Mime.Addresses;
using Postern.Mime.Headers;
using Postern.Mime.Writing;
using Postern.Storage;

namespace Postern.WebUser.Mail;

/// <summary>
/// Sends mail from the pages: delivers a composed, redirected or forwarded message to the INBOX of every
/// recipient account on this server and files a copy in the sender's Sent mailbox. Every recipient is
/// checked before anything is delivered, so a refused message reaches no one.
/// </summary>
/// <remarks>Postern has no outbound queue yet: recipients on other servers are refused with a clear error.</remarks>
public sealed class MessageSubmission(AccountService accounts, MailboxService mailboxes, MessageAppender appender, TimeProvider time)
{
    /// <summary>Recipients of one message. 500: a message to more people than this is a mailing list's job.</summary>
    public const int MaxRecipients = 500;

    /// <summary>Sends a composed message; its Bcc recipients get it but never see the Bcc field.</summary>
    /// <param name="sentBox">The mailbox a copy (with Bcc) is filed in, or null for none.</param>
    /// <returns>The addresses the message was delivered to.</returns>
    /// <exception cref="MailException">No recipients, too many, an unknown or remote one, or a message too large.</exception>
    public async Task<IReadOnlyList<string>> SubmitAsync(ComposedMessage message, AccountRecord sender, string? sentBox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sender);
        var targets = await ResolveAsync(message.To.Concat(message.Cc).Concat(message.Bcc), cancellationToken);
        var options = await WriterOptionsAsync(sender, cancellationToken);
        message.Date ??= time.GetUtcNow();
        var withBcc = MessageWriter.Write(message, options);
        // One Message-ID for the delivered message and the Sent copy.
        message.MessageId ??= MimeMessage.Parse(withBcc).MessageId;
        var bcc = message.Bcc.ToList();
        message.Bcc.Clear();
        var delivered = MessageWriter.Write(message, options);
        message.Bcc.AddRange(bcc);

        await DeliverAsync(delivered, targets, cancellationToken);
        if (!string.IsNullOrWhiteSpace(sentBox))
        {
            var sent = await mailboxes.FindAsync(sender, sentBox, cancellationToken)
                ?? await mailboxes.CreateAsync(sender, sentBox, MailboxClass.Mail, cancellationToken);
            await appender.AppendAsync(sent, withBcc, MessageFlags.Seen, [], null, cancellationToken);
        }
        return targets.Select(t => t.Address).ToArray();
    }

    /// <summary>
    /// Redirects (resends) a stored message unchanged to new recipients, with the Resent- fields of
    /// RFC 5322 §3.6.6 added on top.
    /// </summary>
    public async Task<IReadOnlyList<string>> RedirectAsync(ReadOnlyMemory<byte> original, AddressList recipients, AccountRecord sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(sender);
        var targets = await ResolveAsync(recipients, cancellationToken);
        var name = await accounts.GetNameAsync(sender, cancellationToken);
        var from = new MailboxAddress(sender.RealName.Length > 0 ? sender.RealName : null, name.ToString());
        var resent = new StringBuilder()
            .Append("Resent-From: ").Append(from).Append("\r\n")
            .Append("Resent-To: ").Append(string.Join(", ", targets.Select(t => t.Address))).Append("\r\n")
            .Append("Resent-Date: ").Append(MailDate.Format(time.GetUtcNow())).Append("\r\n")
            .Append("Resent-Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append('@').Append(name.Domain).Append(">\r\n");
        var bytes = new byte[Encoding.UTF8.GetByteCount(resent.ToString()) + original.Length];
        var written = Encoding.UTF8.GetBytes(resent.ToString(), bytes);
        original.Span.CopyTo(bytes.AsSpan(written));
        await DeliverAsync(bytes, targets, cancellationToken);
        return targets.Select(t => t.Address).ToArray();
    }

    private async Task<List<(string Address, AccountRecord Account)>> ResolveAsync(IEnumerable<AddressEntry> entries, CancellationToken cancellationToken)
    {
        var recipients = entries.SelectMany(e => e is GroupAddress group ? group.Members : e is MailboxAddress mailbox ? [mailbox] : Array.Empty<MailboxAddress>())
            .DistinctBy(a => a.Address, StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0)
            throw new MailException("The message has no recipients");
        if (recipients.Count > MaxRecipients)
            throw new MailException($"A message may have at most {MaxRecipients} recipients");
        var targets = new List<(string, AccountRecord)>();
        foreach (var recipient in recipients)
        {
            if (!recipient.IsComplete || !AccountName.TryParse(recipient.Address, out var name, out _))
                throw new MailException($"\"{recipient}\" is not an e-mail address");
            var account = await accounts.FindAsync(name, cancellationToken)
                ?? throw new MailException($"{recipient.Address} is not an account on this server, and delivery to other servers is not available");
            targets.Add((recipient.Address, account));
        }
        return targets;
    }

    private async Task DeliverAsync(byte[] message, List<(string Address, AccountRecord Account)> targets, CancellationToken cancellationToken)
    {
        if (message.Length > MessageLimits.MaxMessageSize)
            throw new MailException($"The message is {message.Length} bytes; the limit is {MessageLimits.MaxMessageSize}");
        foreach (var (_, account) in targets.DistinctBy(t => t.Account.Id))
        {
            var inbox = await mailboxes.FindAsync(account, MailboxName.Inbox, cancellationToken);
            if (inbox is null)
            {
                await mailboxes.EnsureDefaultMailboxesAsync(account, cancellationToken);
                inbox = await mailboxes.GetAsync(account, MailboxName.Inbox, cancellationToken);
            }
            await appender.AppendAsync(inbox, message, MessageFlags.Recent, [], null, cancellationToken);
        }
    }

    private async Task<MessageWriterOptions> WriterOptionsAsync(AccountRecord sender, CancellationToken cancellationToken) =>
        new() { TimeProvider = time, MessageIdDomain = (await accounts.GetNameAsync(sender, cancellationToken)).Domain };
}
