using Postern.Mime;
using Postern.Mime.Reports;
using Postern.WebUser.Mail;
using Postern.WebUser.Rendering;

namespace Postern.WebUser.Files;

/// <summary>A file a message carries, named as the message page shows it.</summary>
/// <param name="FileName">The cleaned file name (<see cref="Attachments.CleanFileName"/>).</param>
/// <param name="Content">The decoded bytes.</param>
public sealed record MessageFilePart(string FileName, ReadOnlyMemory<byte> Content);

/// <summary>
/// The file parts of a message (WebApp, Message <c>StoreFiles</c>: "the file parts of the message (attachments,
/// images)"): the parts the message renderer shows with the AttachmentPart component, in message order.
/// </summary>
public static class MessageFileParts
{
    /// <summary>
    /// Attachments and inline images, the parts of forwarded messages included, and the uuencoded or yEnc
    /// files in plain text bodies. Not files: bodies, delivery and disposition reports, and S/MIME
    /// signatures and envelopes (the renderer opens those rather than offering them).
    /// </summary>
    public static IEnumerable<MessageFilePart> Of(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var part in message.EnumerateParts())
        {
            if (part.IsMultipart || part.Message is not null || SignedPart.Handles(part) || EncryptedPart.Handles(part) || IsSignature(part)
                || DeliveryStatusReport.IsReportPart(part) || DispositionNotification.IsReportPart(part))
                continue;
            if (!part.IsText || part.IsAttachment)
            {
                yield return new MessageFilePart(Attachments.CleanFileName(part.FileName, part), part.DecodeContent());
                continue;
            }
            // The renderer looks for embedded files in plain text only; HTML bodies are shown as HTML.
            if (part.ContentType.Is("text", "html"))
                continue;
            foreach (var file in part.FindEmbeddedFiles())
                yield return new MessageFilePart(Attachments.CleanFileName(file.FileName, null), file.Decode());
        }
    }

    private static bool IsSignature(MimePart part) =>
        part.ContentType.Is("application", "pkcs7-signature") || part.ContentType.Is("application", "x-pkcs7-signature")
        || part.ContentType.Is("application", "pgp-signature");
}
