using Postern.Mail.Submission;
using Postern.Mime.Xml;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>messageSubmit</c> with an <c>&lt;EMail&gt;</c> child: sends the message the client composed (docs/ximss.md §5.5).
/// From must be one of the user's addresses (it is the user when absent); Date and Message-ID are filled in;
/// local recipients get it at once, remote ones wait in the outbound queue; Bcc recipients get it but are not
/// shown to anyone; a copy goes to the <c>SentBox</c> preference's mailbox. Attachments may be uploads or
/// parts of stored messages (<see cref="EmailReferences"/>); File Storage attachments are refused, since
/// Postern has no File Storage.
/// </summary>
internal sealed class MessageSubmit(MailSessions sessions, MessageSubmission submission, EmailReferences references)
    : MailOperationHandler<MessageSubmitRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MessageSubmitRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        var user = mail.User!;
        var email = EmailElements.ToXElement(request.Email);
        var options = await references.ResolveAsync(email, mail, await Sessions.GetTimeZoneAsync(user, cancellationToken), cancellationToken);
        var message = EmailXmlReader.Read(email, options);
        await submission.SubmitAsync(user, message, SubmissionOptions.Default, cancellationToken);
        return XimssResult.Ok;
    }
}
