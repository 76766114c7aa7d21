using Postern.Mail.Folders;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>folderOpen folder [mailbox] [mailboxClass] [sortField] [sortOrder] [filter] [filterField]</c> with
/// <c>&lt;field&gt;</c> children → <c>folderReport mode="init"</c>: opens a sorted, filtered view of a mailbox
/// under the client's folder name; changes to the mailbox from then on are announced with
/// <c>folderReport mode="notify"</c> (docs/ximss.md §5.4).
/// </summary>
internal sealed class FolderOpen(MailSessions sessions, FolderService folders, XimssOptions options) : MailOperationHandler<FolderOpenRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(FolderOpenRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (mail.TryGetFolder(request.Folder, out _))
            return XimssError.FolderAlreadyOpen;
        var max = options.Limits.MaxFoldersPerSession;
        if (mail.FolderCount >= max)
            return XimssError.TooManyItems($"more than {max} open folders");
        if (!FolderDefinitions.TryCreate(request.View, out var definition, out var fields, out var error))
            return error!;

        var zone = await Sessions.GetTimeZoneAsync(mail.User!, cancellationToken);
        var view = await folders.OpenAsync(mail.User!, request.Mailbox, definition, request.MailboxClass, zone, cancellationToken);
        var folder = new OpenFolder(request.Folder, view, fields, zone);
        if (!mail.TryAddFolder(folder))
            return XimssError.FolderAlreadyOpen;
        // A change between reading the view and watching its mailbox would otherwise go unannounced.
        Sessions.CheckLater(context.RequiredSession, folder);
        FolderDefinitions.WriteInit(context.Writer, request.Id, folder);
        return XimssResult.Ok;
    }
}
