using Postern.Mail.Submission;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>messageRedirect folder</c> with <c>&lt;UID&gt;</c> and <c>&lt;To&gt;</c> children: re-sends the messages
/// unchanged to the addresses, with <c>Resent-</c> fields on top (RFC 5322 §3.6.6), and flags them Redirected
/// (docs/ximss.md §5.5).
/// </summary>
internal sealed class MessageRedirect(MailSessions sessions, MessageSubmission submission) : MailOperationHandler<MessageRedirectRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MessageRedirectRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (!mail.TryGetFolder(request.Resend.Folder, out var folder))
            return XimssError.FolderNotOpen;
        if (FolderUids.Resolve(request.Resend.Uids, folder.View, MessageResends.MaxMessages, out var error) is not { } uids)
            return error!;
        await submission.RedirectAsync(mail.User!, folder.View.Mailbox, uids, request.Resend.Recipients, cancellationToken);
        return XimssResult.Ok;
    }
}
