using Postern.Mail.Messages;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>messageMark folder flags</c> with <c>&lt;UID&gt;</c> children: sets the flags named, clears the negated
/// ones, custom keywords either way (<c>$Work</c>, <c>-$Work</c>); Seen needs the <c>s</c> right, Deleted
/// <c>d</c>, the others <c>w</c> (docs/ximss.md §5.5, §8.1). The folder's new flags reach the client through
/// the notification and <c>folderSync</c>, like anyone else's changes.
/// </summary>
internal sealed class MessageMark(MailSessions sessions, MessageOperations operations) : MailOperationHandler<MessageMarkRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MessageMarkRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (FindFolder(mail, request.Folder) is not { } folder)
            return XimssError.FolderNotOpen;
        if (FolderUids.Resolve(request.Uids, folder.View, XimssLimits.Default.MaxElementCount, out var error) is not { } uids)
            return error!;
        await operations.MarkAsync(mail.User!, folder.View.Mailbox, uids, MailFlags.ToUpdate(request.Flags), cancellationToken);
        return XimssResult.Ok;
    }
}
