using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>mailboxSubUpdate</c> with <c>&lt;mailboxSubscription mailbox mode="add|remove"/&gt;</c> children: subscribes
/// and unsubscribes names in order (docs/ximss.md §5.3). A name need not be a mailbox (IMAP allows
/// subscribing to one that does not exist yet), but it must be a valid mailbox name.
/// </summary>
internal sealed class MailboxSubUpdate(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxSubUpdateRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxSubUpdateRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        foreach (var change in request.Changes)
            await mailboxes.SetSubscribedAsync(mail.User!.Account, change.Mailbox, change.Subscribe, cancellationToken);
        return XimssResult.Ok;
    }
}
