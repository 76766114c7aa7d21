using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>mailboxList [filter] [pureFolder] [mailboxClass]</c> → one <c>mailbox</c> per match with its counters
/// (docs/ximss.md §5.3, §7.4): the user's own mailboxes and aliases, or with a <c>~</c> pattern the mailboxes
/// other accounts share with it.
/// </summary>
internal sealed class MailboxList(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxListRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxListRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        var options = new MailboxListOptions(request.Filter.Pattern, request.IncludePureFolders, request.MailboxClass);
        foreach (var info in await mailboxes.ListAsync(mail.User!, options, cancellationToken))
            context.Writer.WriteMailbox(request.Id, MailboxReports.ToWire(info));
        return XimssResult.Ok;
    }
}
