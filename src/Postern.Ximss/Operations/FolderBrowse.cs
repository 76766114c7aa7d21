using Postern.Mail.Folders;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>folderBrowse folder</c> with <c>&lt;index from till/&gt;</c> or <c>&lt;UID&gt;</c> children → one
/// <c>folderReport</c> per message with its index, UID and the folder's fields (docs/ximss.md §5.4). A range
/// past the end yields what exists; UIDs not in the folder are left out.
/// </summary>
internal sealed class FolderBrowse(MailSessions sessions) : MailOperationHandler<FolderBrowseRequest>(sessions)
{
    /// <summary>Reports written between flushes: a long answer streams to a TCP client instead of piling up.</summary>
    private const int RowsPerFlush = 500;

    protected override async Task<XimssResult> ExecuteAsync(FolderBrowseRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (FindFolder(mail, request.Folder) is not { } folder)
            return XimssError.FolderNotOpen;

        IReadOnlyList<FolderRow> rows;
        if (request.Indexes is { } range)
        {
            rows = await folder.View.BrowseAsync(range.From, range.Till, folder.Fields, cancellationToken);
        }
        else
        {
            var max = XimssLimits.Default.MaxBrowseRange;
            if (FolderUids.Resolve(request.Uids!, folder.View, max, out var error) is not { } uids)
                return error!;
            rows = await folder.View.BrowseAsync(uids, folder.Fields, cancellationToken);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            FolderReportWriter.WriteRow(context.Writer, request.Id, folder, MessageReportMode.Browse, rows[i]);
            if ((i + 1) % RowsPerFlush == 0)
                await context.Output.FlushAsync(cancellationToken);
        }
        return XimssResult.Ok;
    }
}
