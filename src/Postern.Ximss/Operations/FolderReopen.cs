using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>folderReopen folder …</c>: new fields, sort or filter for an open folder (its mailbox stays) → a new
/// <c>folderReport mode="init"</c>; the client reads the view again from index 0 (docs/ximss.md §5.4).
/// </summary>
internal sealed class FolderReopen(MailSessions sessions) : MailOperationHandler<FolderReopenRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(FolderReopenRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (FindFolder(mail, request.Folder) is not { } folder)
            return XimssError.FolderNotOpen;
        if (!FolderDefinitions.TryCreate(request.View, out var definition, out var fields, out var error))
            return error!;

        var zone = await Sessions.GetTimeZoneAsync(mail.User!, cancellationToken);
        await folder.View.ReopenAsync(definition, cancellationToken);
        folder.Reopened(fields, zone);
        Sessions.CheckLater(context.RequiredSession, folder);
        FolderDefinitions.WriteInit(context.Writer, request.Id, folder);
        return XimssResult.Ok;
    }
}
