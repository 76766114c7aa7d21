using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>mailboxSubList [filter]</c> → one <c>mailboxSubscription</c> per subscribed name matching the pattern (docs/ximss.md §5.3).</summary>
internal sealed class MailboxSubList(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxSubListRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxSubListRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        foreach (var name in await mailboxes.ListSubscriptionsAsync(mail.User!.Account, cancellationToken))
        {
            if (request.Filter.IsMatch(name))
                context.Writer.WriteMailboxSubscription(request.Id, name);
        }
        return XimssResult.Ok;
    }
}
