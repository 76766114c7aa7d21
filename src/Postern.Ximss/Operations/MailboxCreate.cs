using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>mailboxCreate mailbox [mailboxClass]</c>: creates a mailbox, of a class such as <c>IPF.Contact</c> when given (docs/ximss.md §5.3).</summary>
internal sealed class MailboxCreate(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxCreateRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxCreateRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        await mailboxes.CreateAsync(mail.User!, request.Mailbox, request.MailboxClass ?? MailboxClass.Mail, cancellationToken);
        return XimssResult.Ok;
    }
}
