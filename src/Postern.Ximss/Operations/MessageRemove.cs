using Postern.Mail.Messages;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>messageRemove folder [mode]</c> with <c>&lt;UID&gt;</c> children: deletes messages as the account's
/// <c>DeleteMethod</c> preference says (move to Trash, erase, or mark Deleted), or with
/// <c>mode="Immediately"</c> erases them (docs/ximss.md §5.5).
/// </summary>
internal sealed class MessageRemove(MailSessions sessions, MessageOperations operations) : MailOperationHandler<MessageRemoveRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MessageRemoveRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (FindFolder(mail, request.Folder) is not { } folder)
            return XimssError.FolderNotOpen;
        if (FolderUids.Resolve(request.Uids, folder.View, XimssLimits.Default.MaxElementCount, out var error) is not { } uids)
            return error!;
        var method = request.Mode == MessageRemoveMode.Immediately ? DeleteMethod.Immediately : (DeleteMethod?)null;
        await operations.RemoveAsync(mail.User!, folder.View.Mailbox, uids, method, cancellationToken);
        return XimssResult.Ok;
    }
}
