using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>mailboxRename mailbox newName [children]</c>: renames a mailbox, its sub-mailboxes too with <c>children="yes"</c> (docs/ximss.md §5.3).</summary>
/// <remarks>Folders open on a renamed mailbox stay open: they follow the mailbox, not its name.</remarks>
internal sealed class MailboxRename(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxRenameRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxRenameRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        await mailboxes.RenameAsync(mail.User!, request.Mailbox, request.NewName, request.Children, cancellationToken);
        return XimssResult.Ok;
    }
}
