using Postern.Mail.Messages;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>folderExpunge folder</c>: erases the folder's mailbox's messages flagged Deleted (the <c>d</c> right).
/// The client learns which went through the usual notification and <c>folderSync</c> (docs/ximss.md §5.4).
/// </summary>
internal sealed class FolderExpunge(MailSessions sessions, MessageOperations operations) : MailOperationHandler<FolderExpungeRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(FolderExpungeRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (FindFolder(mail, request.Folder) is not { } folder)
            return XimssError.FolderNotOpen;
        await operations.ExpungeAsync(mail.User!, folder.View.Mailbox, cancellationToken);
        return XimssResult.Ok;
    }
}
