using Postern.Mail.Messages;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Mail;

/// <summary>What <c>messageCopy</c> and <c>messageMove</c> share: the folder's messages into a target mailbox.</summary>
internal static class MessageTransfers
{
    public static async Task<XimssResult> RunAsync(MessageOperations operations, MailSession mail, MessageTransfer transfer, bool move, CancellationToken cancellationToken)
    {
        if (!mail.TryGetFolder(transfer.Folder, out var folder))
            return XimssError.FolderNotOpen;
        if (FolderUids.Resolve(transfer.Uids, folder.View, XimssLimits.Default.MaxElementCount, out var error) is not { } uids)
            return error!;
        var source = folder.View.Mailbox;
        if (move)
            await operations.MoveAsync(mail.User!, source, uids, transfer.TargetMailbox, transfer.MailboxClass, cancellationToken);
        else
            await operations.CopyAsync(mail.User!, source, uids, transfer.TargetMailbox, transfer.MailboxClass, cancellationToken);
        return XimssResult.Ok;
    }
}
