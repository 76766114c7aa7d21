using System.Globalization;
using System.Xml.Linq;
using Postern.Mail.Access;
using Postern.Mail.Reading;
using Postern.Mime;
using Postern.Mime.Headers;
using Postern.Mime.Writing;
using Postern.Mime.Xml;

namespace Postern.Ximss.Mail;

/// <summary>
/// Content a client's <c>&lt;EMail&gt;</c> refers to instead of carrying it (docs/ximss.md §5.5): a file
/// posted to the session's <c>/UPLOAD/</c> resource, or a stored message or one of its parts.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>&lt;MIME uploadID="…"/&gt;</c>: the upload, with the type and file name it was posted with
/// (<c>type</c>/<c>subtype</c> and <c>Disposition-filename</c> on the element override them).</item>
/// <item><c>&lt;MIME folder="…" UID="…" [partID="…"]/&gt;</c> (or <c>mailbox</c> for a mailbox that is
/// not open): that part of the message, decoded as it was attached; without <c>partID</c>, the whole
/// message as message/rfc822.</item>
/// </list>
/// References are read before the <c>&lt;EMail&gt;</c> reader runs (it is synchronous) and need the
/// read right on their mailbox, like reading them would.
/// </remarks>
internal sealed class EmailReferences(MailboxAccess access, MessageReader reader)
{
    /// <summary>The reader's options for <paramref name="email"/>: its references resolved, local times in <paramref name="timeZone"/>.</summary>
    /// <exception cref="EmailXmlException">A reference names nothing this session can use.</exception>
    /// <exception cref="Postern.Mail.MailException">A referenced message or part is missing or may not be read.</exception>
    public async Task<EmailXmlReaderOptions> ResolveAsync(XElement email, MailSession mail, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var parts = new Dictionary<XElement, ComposedPart>();
        foreach (var mime in email.Descendants("MIME"))
        {
            if (await ResolveAsync(mime, mail, cancellationToken) is { } part)
                parts[mime] = part;
        }
        return new EmailXmlReaderOptions
        {
            ResolveReference = mime => parts.GetValueOrDefault(mime),
            LocalOffset = timeZone.GetUtcOffset(DateTime.UtcNow),
        };
    }

    private async Task<ComposedPart?> ResolveAsync(XElement mime, MailSession mail, CancellationToken cancellationToken)
    {
        if ((string?)mime.Attribute("uploadID") is { } uploadId)
            return FromUpload(mime, mail.Uploads.Find(uploadId) ?? throw new EmailXmlException($"Upload '{uploadId}' is not found."));
        if ((string?)mime.Attribute("UID") is not { } uidText)
            return null;
        if (!uint.TryParse(uidText, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) || uid == 0)
            throw new EmailXmlException($"UID '{uidText}' is not a message UID.");
        // The stored bytes are leased only while the message is open: what is attached is copied out.
        using var message = await reader.OpenAsync(mail.User!, await SourceMailboxAsync(mime, mail, cancellationToken), uid, markSeen: false, cancellationToken);
        return (string?)mime.Attribute("partID") is { } partId ? FromPart(message.GetPart(partId)) : new ComposedMessagePart(message.Message.RawMessage.ToArray());
    }

    private async Task<AccessibleMailbox> SourceMailboxAsync(XElement mime, MailSession mail, CancellationToken cancellationToken)
    {
        if ((string?)mime.Attribute("folder") is { } folderName)
        {
            return mail.TryGetFolder(folderName, out var folder)
                ? folder.View.Mailbox
                : throw new EmailXmlException($"Folder '{folderName}' has not been opened.");
        }
        if ((string?)mime.Attribute("mailbox") is { } mailboxName)
            return await access.GetAsync(mail.User!, mailboxName, cancellationToken);
        throw new EmailXmlException("A MIME part with a UID needs a folder or mailbox attribute.");
    }

    private static ComposedBinary FromUpload(XElement mime, Upload upload)
    {
        var type = (string?)mime.Attribute("type");
        var subtype = (string?)mime.Attribute("subtype");
        var typed = type is not null && subtype is not null && !type.Equals("attachment", StringComparison.OrdinalIgnoreCase);
        var part = new ComposedBinary(upload.Content, typed ? type! : upload.MediaType, typed ? subtype! : upload.MediaSubtype)
        {
            FileName = upload.FileName,
            Disposition = "attachment",
        };
        if (upload.Charset is { } charset && part.Type.Equals("text", StringComparison.OrdinalIgnoreCase))
            part.TypeParameters.Add(new HeaderParameter("charset", charset));
        return part;
    }

    /// <summary>A stored part as it was attached: decoded bytes with its type, charset and file name.</summary>
    private static ComposedPart FromPart(MimePart part)
    {
        if (part.IsMultipart)
            throw new EmailXmlException($"Part {part.PartId} is a multipart; attach the parts inside it.");
        ComposedPart copy;
        if (part.Message is not null)
        {
            copy = new ComposedMessagePart(part.RawBody.ToArray());
        }
        else
        {
            copy = new ComposedBinary(part.DecodeContent().ToArray(), part.ContentType.MediaType, part.ContentType.MediaSubtype);
            if (part.Charset is { } charset)
                copy.TypeParameters.Add(new HeaderParameter("charset", charset));
        }
        copy.FileName = part.FileName;
        copy.Disposition = part.ContentDisposition?.Disposition ?? "attachment";
        return copy;
    }
}
