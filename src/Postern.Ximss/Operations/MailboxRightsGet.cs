using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>mailboxRightsGet mailbox</c> → <c>mailboxRights</c>: the user's rights letters on it, all of <c>lrswipcda</c> on its own (docs/ximss.md §5.3).</summary>
internal sealed class MailboxRightsGet(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxRightsGetRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxRightsGetRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        var rights = await mailboxes.GetRightsAsync(mail.User!, request.Mailbox, cancellationToken);
        context.Writer.WriteMailboxRights(request.Id, request.Mailbox, MailboxRightsText.Format(rights));
        return XimssResult.Ok;
    }
}
