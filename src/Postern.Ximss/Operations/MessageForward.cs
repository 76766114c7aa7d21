using Postern.Mail.Submission;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>messageForward folder</c> with <c>&lt;UID&gt;</c> and <c>&lt;To&gt;</c> children: sends each message, attached
/// whole (message/rfc822), in a new message from the user, kept in Sent like any it sends; the originals are
/// flagged Redirected (docs/ximss.md §5.5).
/// </summary>
internal sealed class MessageForward(MailSessions sessions, MessageSubmission submission) : MailOperationHandler<MessageForwardRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MessageForwardRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (!mail.TryGetFolder(request.Resend.Folder, out var folder))
            return XimssError.FolderNotOpen;
        if (FolderUids.Resolve(request.Resend.Uids, folder.View, MessageResends.MaxMessages, out var error) is not { } uids)
            return error!;
        await submission.ForwardAsync(mail.User!, folder.View.Mailbox, uids, request.Resend.Recipients, cancellationToken);
        return XimssResult.Ok;
    }
}
