using Postern.Mail.Messages;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>messageMove folder targetMailbox [mailboxClass]</c> with <c>&lt;UID&gt;</c> children: moves messages to
/// another mailbox in one transaction (the copies appear and the originals go together), docs/ximss.md §5.5.
/// </summary>
internal sealed class MessageMove(MailSessions sessions, MessageOperations operations) : MailOperationHandler<MessageMoveRequest>(sessions)
{
    protected override Task<XimssResult> ExecuteAsync(MessageMoveRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken) =>
        MessageTransfers.RunAsync(operations, mail, request.Transfer, move: true, cancellationToken);
}
