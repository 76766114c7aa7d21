using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>folderSearch folder filter [limit] [timeout]</c> → one <c>folderSearch</c> message with the UIDs of the
/// folder's messages that match the IMAP SEARCH keys of <c>filter</c>, in the folder's order (docs/ximss.md §8.3).
/// <c>more="yes"</c> says <c>limit</c> cut the list, or <c>timeout</c> passed before the search ended (the list is then empty).
/// </summary>
internal sealed class FolderSearch(MailSessions sessions) : MailOperationHandler<FolderSearchRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(FolderSearchRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (FindFolder(mail, request.Folder) is not { } folder)
            return XimssError.FolderNotOpen;

        var criteria = MailSearchKeys.ToCriteria(request.Criteria);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Timeout is { } timeout)
            deadline.CancelAfter(timeout);
        IReadOnlyList<uint> found;
        try
        {
            found = await folder.View.SearchAsync(criteria, null, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            context.Writer.WriteFolderSearch(request.Id, folder.Name, [], more: true);
            return XimssResult.Ok;
        }

        var limit = request.Limit ?? int.MaxValue;
        var shown = found.Count > limit ? found.Take(limit).ToArray() : found.ToArray();
        context.Writer.WriteFolderSearch(request.Id, folder.Name, shown, more: found.Count > limit);
        return XimssResult.Ok;
    }
}
