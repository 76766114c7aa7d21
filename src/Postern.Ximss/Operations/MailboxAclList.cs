using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>mailboxAclList mailbox</c> → <c>mailboxAcl</c> with an <c>aclEntry</c> per grantee; needs the <c>a</c> right on another account's mailbox (docs/ximss.md §5.3).</summary>
internal sealed class MailboxAclList(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxAclListRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxAclListRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        var acl = await mailboxes.GetAclAsync(mail.User!, request.Mailbox, cancellationToken);
        context.Writer.WriteMailboxAcl(request.Id, request.Mailbox, acl.Select(entry => new AclEntry(entry.Grantee, MailboxRightsText.Format(entry.Rights))));
        return XimssResult.Ok;
    }
}
