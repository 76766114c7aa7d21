using System.Text;
using Postern.Mail.Reading;
using Postern.Mime.Xml;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>folderRead folder UID [mode] [partID] [totalSizeLimit]</c> → <c>folderMessage</c> (docs/ximss.md §5.4, §7.6):
/// <list type="bullet">
/// <item>no mode: the message as <c>&lt;EMail&gt;</c>, or with <c>partID</c> that part's <c>&lt;MIME&gt;</c>;</item>
/// <item><c>text</c>: the message with its body reduced to plain text;</item>
/// <item><c>source</c>: the raw message as the element's text;</item>
/// <item><c>replyFrom</c>, <c>replyAll</c>, <c>forward</c> and their <c>…HTML</c> forms: a draft to edit and send.</item>
/// </list>
/// Reading the whole message (no mode, or <c>text</c>) marks it Seen when the user may keep that flag.
/// <c>totalSizeLimit</c> caps the characters of text written.
/// </summary>
internal sealed class FolderRead(MailSessions sessions, MessageReader reader) : MailOperationHandler<FolderReadRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(FolderReadRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        if (FindFolder(mail, request.Folder) is not { } folder)
            return XimssError.FolderNotOpen;
        if (request.PartId is not null && request.Mode != FolderReadMode.Message)
            return XimssError.InvalidAttribute("partID", "a part is read without a mode");

        var user = mail.User!;
        var options = new EmailXmlOptions
        {
            TotalSizeLimit = request.TotalSizeLimit,
            TimeZone = await Sessions.GetTimeZoneAsync(user, cancellationToken),
        };
        var writer = context.Writer;
        var mailbox = folder.View.Mailbox;
        switch (request.Mode)
        {
            case FolderReadMode.Source:
                var source = await ReadSourceAsync(user, folder, request.Uid, request.TotalSizeLimit, cancellationToken);
                writer.WriteStartFolderMessage(request.Id, folder.Name, request.Uid, null, request.Mode);
                writer.WriteString(source);
                writer.WriteEndElement();
                return XimssResult.Ok;
            case FolderReadMode.Message when request.PartId is { } partId:
            {
                using var message = await reader.OpenAsync(user, mailbox, request.Uid, markSeen: false, cancellationToken);
                var part = message.GetPart(partId);
                writer.WriteFolderMessage(request.Id, folder.Name, request.Uid, partId, request.Mode, xml => EmailXmlWriter.WritePart(part, xml, options));
                return XimssResult.Ok;
            }
            case FolderReadMode.Message or FolderReadMode.Text:
            {
                using var message = await reader.OpenAsync(user, mailbox, request.Uid, markSeen: true, cancellationToken);
                var shown = request.Mode == FolderReadMode.Text ? message.ToPlainTextMessage() : message.Message;
                writer.WriteFolderMessage(request.Id, folder.Name, request.Uid, null, request.Mode, xml => EmailXmlWriter.Write(shown, xml, options));
                return XimssResult.Ok;
            }
            default:
            {
                using var original = await reader.OpenAsync(user, mailbox, request.Uid, markSeen: false, cancellationToken);
                var (kind, format) = Draft(request.Mode);
                var draft = await reader.CreateDraftAsync(user, original, kind, format, cancellationToken);
                var email = DraftEmails.ToXml(draft, original, folder.Name, options);
                writer.WriteFolderMessage(request.Id, folder.Name, request.Uid, null, request.Mode, email.WriteTo);
                return XimssResult.Ok;
            }
        }
    }

    private static (DraftKind Kind, DraftFormat Format) Draft(FolderReadMode mode) => mode switch
    {
        FolderReadMode.ReplyFrom => (DraftKind.Reply, DraftFormat.PlainText),
        FolderReadMode.ReplyAll => (DraftKind.ReplyAll, DraftFormat.PlainText),
        FolderReadMode.Forward => (DraftKind.Forward, DraftFormat.PlainText),
        FolderReadMode.ReplyFromHtml => (DraftKind.Reply, DraftFormat.Html),
        FolderReadMode.ReplyAllHtml => (DraftKind.ReplyAll, DraftFormat.Html),
        _ => (DraftKind.Forward, DraftFormat.Html),
    };

    /// <summary>The stored bytes as text (UTF-8; bytes that are not become U+FFFD), at most <paramref name="limit"/> characters.</summary>
    private async Task<string> ReadSourceAsync(Postern.Mail.Access.MailUser user, OpenFolder folder, uint uid, long? limit, CancellationToken cancellationToken)
    {
        await using var source = await reader.OpenSourceAsync(user, folder.View.Mailbox, uid, cancellationToken);
        using var text = new StreamReader(source, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: false);
        if (limit is not { } max)
            return await text.ReadToEndAsync(cancellationToken);
        // A character takes at least a byte: the message's size bounds the buffer, whatever the client asked.
        var buffer = new char[(int)Math.Min(max, source.Length)];
        var read = await text.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read);
    }
}
