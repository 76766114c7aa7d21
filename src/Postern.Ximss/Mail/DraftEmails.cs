using System.Xml.Linq;
using Postern.Mail.Reading;
using Postern.Mime;
using Postern.Mime.Writing;
using Postern.Mime.Xml;

namespace Postern.Ximss.Mail;

/// <summary>
/// A reply or forward draft as the <c>&lt;EMail&gt;</c> of <c>folderRead mode="replyFrom|…"</c> (docs/ximss.md §5.4):
/// the client edits it and sends it back with <c>messageSubmit</c>.
/// </summary>
internal static class DraftEmails
{
    /// <summary>Fields a draft leaves out: they are made when the message is sent.</summary>
    private static readonly HashSet<string> s_madeOnSending = new(StringComparer.OrdinalIgnoreCase) { "Date", "Message-ID", "MIME-Version" };

    /// <summary>
    /// The draft's <c>&lt;EMail&gt;</c>. Each attachment a forward carries over becomes
    /// <c>&lt;MIME folder UID partID …/&gt;</c> naming the original's part, so the draft sent back as it is
    /// attaches that part again (<see cref="EmailReferences"/>).
    /// </summary>
    public static XElement ToXml(ComposedMessage draft, StoredMessage original, string folder, EmailXmlOptions options)
    {
        var message = MimeMessage.Parse(MessageWriter.Write(draft));
        var headers = message.Headers.Select(field => field.Name).Where(name => !s_madeOnSending.Contains(name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var document = new XDocument();
        using (var writer = document.CreateWriter())
            EmailXmlWriter.Write(message, writer, options with { Headers = headers });
        var email = document.Root!;

        if (draft.Body is ComposedMultipart { Subtype: "mixed" } && email.Element("MIME") is { } mixed)
        {
            // The forward's text comes first, then the carried-over attachments in the original's order.
            foreach (var (element, part) in mixed.Elements("MIME").Skip(1).Zip(ReplyComposer.ForwardedAttachments(original.Message)))
            {
                element.SetAttributeValue("folder", folder);
                element.SetAttributeValue("UID", original.Uid);
                element.SetAttributeValue("partID", part.PartId);
            }
        }
        return email;
    }
}
