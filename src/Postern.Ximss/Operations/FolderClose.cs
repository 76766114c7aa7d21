using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>folderClose folder</c>: forgets the folder and stops its notifications (docs/ximss.md §5.4).</summary>
internal sealed class FolderClose(MailSessions sessions) : MailOperationHandler<FolderCloseRequest>(sessions)
{
    protected override Task<XimssResult> ExecuteAsync(FolderCloseRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken) =>
        Task.FromResult(mail.TryRemoveFolder(request.Folder) ? XimssResult.Ok : (XimssResult)XimssError.FolderNotOpen);
}
