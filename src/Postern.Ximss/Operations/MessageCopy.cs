using Postern.Mail.Messages;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>messageCopy folder targetMailbox [mailboxClass] [doMove]</c> with <c>&lt;UID&gt;</c> children: copies (or
/// with <c>doMove="yes"</c> moves) messages to another mailbox, created with <c>mailboxClass</c> when missing
/// (docs/ximss.md §5.5).
/// </summary>
internal sealed class MessageCopy(MailSessions sessions, MessageOperations operations) : MailOperationHandler<MessageCopyRequest>(sessions)
{
    protected override Task<XimssResult> ExecuteAsync(MessageCopyRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken) =>
        MessageTransfers.RunAsync(operations, mail, request.Transfer, request.DoMove, cancellationToken);
}
