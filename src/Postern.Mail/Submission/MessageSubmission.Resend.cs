using Postern.Mail.Access;
using Postern.Mail.Delivery;
using Postern.Mail.Mailboxes;
using Postern.Mail.Reading;
using Postern.Mime.Headers;
using Postern.Mime.Writing;
using Postern.Storage;

namespace Postern.Mail.Submission;

public sealed partial class MessageSubmission
{
    /// <summary>
    /// Re-sends stored messages unchanged to new recipients (XIMSS <c>messageRedirect</c>, WebUser Redirect),
    /// with <c>Resent-</c> fields on top (RFC 5322 §3.6.6), and flags the originals Redirected.
    /// </summary>
    /// <exception cref="MailException">A message is missing or unreadable for the user, or a recipient is invalid.</exception>
    public async Task<IReadOnlyList<SubmissionResult>> RedirectAsync(
        MailUser user, AccessibleMailbox mailbox, IReadOnlyList<uint> uids, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(recipients, cancellationToken);
        var results = new List<SubmissionResult>(uids.Count);
        foreach (var uid in uids)
        {
            byte[] original;
            await using (var source = await reader.OpenSourceAsync(user, mailbox, uid, cancellationToken))
            {
                CheckSize(source.Length);
                original = new byte[source.Length];
                await source.ReadExactlyAsync(original, cancellationToken);
            }
            var messageId = HeaderFields.NewMessageId(user.Name.Domain);
            var resent = HeaderFields.Format(
            [
                new("Resent-From", UserAddresses.Primary(user).ToString()),
                new("Resent-Date", MailDate.Format(time.GetUtcNow())),
                new("Resent-Message-ID", $"<{messageId}>"),
                new("Resent-To", string.Join(", ", resolved.Select(r => r.Address))),
            ]);
            var message = HeaderFields.Prepend(resent, original);
            CheckSize(message.Length);
            var (delivered, queued, queueId) = await TransmitAsync(user, message, resolved, requestDsn: false, cancellationToken);
            results.Add(new SubmissionResult(messageId, delivered, queued, queueId, null));
        }
        await MarkRedirectedAsync(user, mailbox, uids, cancellationToken);
        return results;
    }

    /// <summary>
    /// Forwards stored messages, each attached whole (message/rfc822) to a new message from the user
    /// (XIMSS <c>messageForward</c>, WebUser Forward); flags the originals Redirected and files copies as sending does.
    /// </summary>
    /// <exception cref="MailException">A message is missing or unreadable for the user, or a recipient is invalid.</exception>
    public async Task<IReadOnlyList<SubmissionResult>> ForwardAsync(
        MailUser user, AccessibleMailbox mailbox, IReadOnlyList<uint> uids, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var to = recipients.Select(RecipientResolver.Parse).ToArray();
        if (to.Length == 0)
            throw new MailException(MailErrorCode.NoRecipients, "no recipients specified");
        var results = new List<SubmissionResult>(uids.Count);
        foreach (var uid in uids)
        {
            // The forward attaches the original's bytes, so the original stays open until it is sent.
            using var original = await reader.OpenAsync(user, mailbox, uid, markSeen: false, cancellationToken);
            var forward = ReplyComposer.CreateForward(original.Message, new ReplyOptions { From = UserAddresses.Primary(user), ForwardAsAttachment = true });
            forward.To.AddRange(to);
            results.Add(await SubmitAsync(user, forward, SubmissionOptions.Default, cancellationToken));
        }
        await MarkRedirectedAsync(user, mailbox, uids, cancellationToken);
        return results;
    }

    /// <summary>Flags the originals Redirected, when the user may set flags there.</summary>
    private async Task MarkRedirectedAsync(MailUser user, AccessibleMailbox mailbox, IReadOnlyList<uint> uids, CancellationToken cancellationToken)
    {
        var current = await access.RefreshAsync(user, mailbox, cancellationToken);
        if (current.Allows(MailboxRights.Write))
            await store.Messages.UpdateFlagsAsync(current.Id, uids, FlagUpdate.Adding(MessageFlags.Redirected), cancellationToken);
    }
}
