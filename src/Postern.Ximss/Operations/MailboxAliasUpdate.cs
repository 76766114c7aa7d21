using Postern.Mail;
using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>mailboxAliasUpdate</c> with <c>&lt;mailboxAlias name mailbox [mode]/&gt;</c> children: points aliases at
/// mailboxes (<c>~owner/box</c>, or a name of the user's own) and removes them (<c>mode="remove"</c>), in
/// order (docs/ximss.md §5.3). An alias needs no right on its target: it shows only what the target's
/// ACL lets the user see.
/// </summary>
internal sealed class MailboxAliasUpdate(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxAliasUpdateRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxAliasUpdateRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        var user = mail.User!;
        foreach (var change in request.Changes)
        {
            if (change.Mailbox is null)
            {
                if (!await mailboxes.RemoveAliasAsync(user.Account, change.Alias, cancellationToken))
                    throw new MailException(MailErrorCode.UnknownMailbox, $"alias {change.Alias.Trim()} does not exist");
                continue;
            }
            var (owner, box) = MailboxPath.IsForeign(change.Mailbox)
                ? MailboxPath.Parse(change.Mailbox, user.Name.Domain)
                : (user.Name, MailboxName.Normalize(change.Mailbox));
            await mailboxes.SetAliasAsync(user.Account, change.Alias, owner, box, cancellationToken);
        }
        return XimssResult.Ok;
    }
}
