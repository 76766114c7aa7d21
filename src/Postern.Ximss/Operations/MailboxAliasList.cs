using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>mailboxAliasList</c> → one <c>mailboxAlias name mailbox</c> per alias of the account, its target as <c>~owner@domain/box</c> (docs/ximss.md §5.3).</summary>
internal sealed class MailboxAliasList(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxAliasListRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxAliasListRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        foreach (var alias in await mailboxes.ListAliasesAsync(mail.User!.Account, cancellationToken))
            context.Writer.WriteMailboxAlias(request.Id, alias.Name, alias.Target);
        return XimssResult.Ok;
    }
}
