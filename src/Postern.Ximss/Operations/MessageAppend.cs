using System.Text;
using Postern.Mail.Messages;
using Postern.Mime.Writing;
using Postern.Mime.Xml;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>messageAppend targetMailbox [flags] [internalDate] [mailboxClass] [report="uid"] [uploadID]</c>: stores one
/// message, given as <c>&lt;EMail&gt;</c>, as raw RFC 5322 text, or as an upload, in a mailbox the user may insert
/// into (the <c>i</c> right); with <c>report="uid"</c> answers <c>messageUID</c> (docs/ximss.md §5.5).
/// </summary>
/// <remarks>
/// Raw text arrives with XML's line ends (LF, XML 1.0 §2.11) and is stored with CRLF; a local
/// <c>internalDate</c> (no <c>Z</c>) is in the user's time zone.
/// </remarks>
internal sealed class MessageAppend(MailSessions sessions, MessageOperations operations, EmailReferences references)
    : MailOperationHandler<MessageAppendRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MessageAppendRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        var user = mail.User!;
        var zone = await Sessions.GetTimeZoneAsync(user, cancellationToken);
        ReadOnlyMemory<byte> content;
        if (request.Email is { } element)
        {
            var email = EmailElements.ToXElement(element);
            var options = await references.ResolveAsync(email, mail, zone, cancellationToken);
            content = EmailXmlReader.ReadMessageBytes(email, options, new MessageWriterOptions { MessageIdDomain = user.Name.Domain });
        }
        else if (request.RawMessage is { } raw)
        {
            content = Encoding.UTF8.GetBytes(raw.TrimStart('\r', '\n').ReplaceLineEndings("\r\n"));
        }
        else if (mail.Uploads.Find(request.UploadId!) is { } upload)
        {
            content = upload.Content;
        }
        else
        {
            return XimssError.InvalidAttribute("uploadID", $"upload {request.UploadId} is not found");
        }

        DateTimeOffset? internalDate = request.InternalDate is not { } date ? null
            : date.Kind == DateTimeKind.Utc ? new DateTimeOffset(date, TimeSpan.Zero)
            : new DateTimeOffset(date, zone.GetUtcOffset(date));
        var (mailbox, appended) = await operations.AppendAsync(user, request.TargetMailbox, content, MailFlags.ToStored(request.Flags.Set),
            request.Flags.SetKeywords, internalDate, request.MailboxClass, cancellationToken);
        if (request.ReportUid)
            context.Writer.WriteMessageUid(request.Id, mailbox.Name, appended.Uid);
        return XimssResult.Ok;
    }
}
