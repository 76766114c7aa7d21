using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>folderSync folder [limit]</c> → the steps that bring the client's list up to date, in order:
/// <c>folderReport mode="removed"</c> (highest index first), <c>mode="added"</c>, <c>mode="updated"</c>, each with
/// the folder's counters after the sync (docs/ximss.md §5.4). When <c>limit</c> cuts them short, a new
/// <c>mode="notify"</c> follows, and the next sync brings the rest.
/// </summary>
internal sealed class FolderSync(MailSessions sessions) : MailOperationHandler<FolderSyncRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(FolderSyncRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (FindFolder(mail, request.Folder) is not { } folder)
            return XimssError.FolderNotOpen;

        // Before reading the changes: a change committed from now on is news for a new notification.
        folder.Synced();
        var result = await folder.View.SyncAsync(folder.Fields, request.Limit, cancellationToken);
        FolderReportWriter.WriteSync(context.Writer, request.Id, folder, result);
        if (result.More)
            MailSessions.Notify(context.RequiredSession, folder);
        return XimssResult.Ok;
    }
}
