using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>mailboxRemove mailbox [children]</c>: removes a mailbox and its messages, its sub-mailboxes too with
/// <c>children="yes"</c>; without it a mailbox that has sub-mailboxes is refused (526, docs/ximss.md §5.3).
/// </summary>
internal sealed class MailboxRemove(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxRemoveRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxRemoveRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        await mailboxes.RemoveAsync(mail.User!, request.Mailbox, request.Children, cancellationToken);
        return XimssResult.Ok;
    }
}
