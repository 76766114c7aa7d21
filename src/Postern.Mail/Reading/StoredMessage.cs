using System.Text;
using Postern.Mail.Access;
using Postern.Mail.Submission;
using Postern.Mime;
using Postern.Mime.Text;
using Postern.Storage;

namespace Postern.Mail.Reading;

/// <summary>A stored message opened for reading: its metadata and its parsed MIME tree over the stored bytes.</summary>
/// <remarks>
/// The tree reads the store's lease of the bytes (<see cref="ContentLease"/>), which may be a view of the store's
/// files: dispose the message once nothing taken from it (parts, header values, decoded bodies that are not copies)
/// is used any more, and not before.
/// </remarks>
public sealed class StoredMessage : IDisposable
{
    /// <summary>The fields that describe the body; the plain-text form writes its own.</summary>
    private static readonly string[] s_contentFields =
        ["Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "Content-Description", "Content-Location"];

    private readonly ContentLease _lease;

    internal StoredMessage(AccessibleMailbox mailbox, MessageRecord record, ContentLease lease)
    {
        Mailbox = mailbox;
        Record = record;
        _lease = lease;
        Message = MimeMessage.Parse(lease.Content);
    }

    /// <summary>The mailbox as the user may access it, as of opening.</summary>
    public AccessibleMailbox Mailbox { get; }

    /// <summary>The message's metadata, with the Seen flag opening set.</summary>
    public MessageRecord Record { get; }

    /// <summary>The parsed message, valid until <see cref="Dispose"/>.</summary>
    public MimeMessage Message { get; }

    public uint Uid => Record.Uid;

    /// <summary>Ends the lease of the stored bytes: <see cref="Message"/> and its parts may no longer be used.</summary>
    public void Dispose() => _lease.Dispose();

    /// <summary>The part with a CommuniGate part ID (<c>""</c> is the body, <c>02-01</c> the first child of the second part).</summary>
    /// <exception cref="MailException">There is no such part.</exception>
    public MimePart GetPart(string partId) =>
        Message.FindPart(partId.Trim()) ?? throw new MailException(MailErrorCode.PartNotFound, $"message {Uid} has no part {partId.Trim()}");

    /// <summary>The body text a reader sees: the plain-text body, else the HTML body as text, else nothing.</summary>
    public string GetBodyText() =>
        Message.FindTextBody("plain")?.GetText()
        ?? (Message.FindTextBody("html") is { } html ? HtmlText.ToPlainText(html.GetText()) : "");

    /// <summary>
    /// The message with its body reduced to <see cref="GetBodyText"/> as one UTF-8 text/plain part, every
    /// other header field kept (XIMSS <c>folderRead mode="text"</c>).
    /// </summary>
    public MimeMessage ToPlainTextMessage()
    {
        var header = Record.Summary.HeaderBlock;
        foreach (var field in s_contentFields)
            header = HeaderFields.Remove(header, field);
        var content = HeaderFields.Format([new("Content-Type", "text/plain; charset=utf-8"), new("Content-Transfer-Encoding", "8bit")]);
        // A stored message without a body has no empty line after its fields: the body needs one.
        var separator = header.Span.EndsWith("\n\n"u8) || header.Span.EndsWith("\r\n\r\n"u8) ? "" : "\r\n";
        var body = Encoding.UTF8.GetBytes(separator + GetBodyText().ReplaceLineEndings("\r\n"));
        var bytes = new byte[content.Length + header.Length + body.Length];
        content.CopyTo(bytes, 0);
        header.Span.CopyTo(bytes.AsSpan(content.Length));
        body.CopyTo(bytes, content.Length + header.Length);
        return MimeMessage.Parse(bytes);
    }

    /// <summary>A part ready for download: its decoded content, media type and a safe file name.</summary>
    /// <exception cref="MailException">There is no such part.</exception>
    public PartDownload GetDownload(string partId) => PartDownload.Create(GetPart(partId));
}

/// <summary>A message part as a browser downloads it (WebUser attachment links, the XIMSS session's <c>/MIME/</c> URLs).</summary>
/// <param name="MediaType">The part's <c>type/subtype</c>.</param>
/// <param name="FileName">The part's file name without any path, or one made from its part ID and type.</param>
/// <param name="EstimatedSize">The decoded size, estimated without decoding.</param>
public sealed record PartDownload(MimePart Part, string MediaType, string FileName, long EstimatedSize)
{
    /// <summary>Writes the decoded content (transfer encoding undone, bytes as they were attached).</summary>
    public Task WriteToAsync(Stream destination, CancellationToken cancellationToken) => Part.CopyDecodedContentToAsync(destination, cancellationToken);

    internal static PartDownload Create(MimePart part)
    {
        var type = part.ContentType.MediaType + "/" + part.ContentType.MediaSubtype;
        return new PartDownload(part, type, CleanFileName(part.FileName) ?? DefaultFileName(part), part.EstimateDecodedSize());
    }

    /// <summary>The last path component, without characters file systems and Content-Disposition headers choke on (WebUser's "cleaned" name).</summary>
    private static string? CleanFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        return clean.Length == 0 || clean is "." or ".." ? null : clean;
    }

    private static string DefaultFileName(MimePart part)
    {
        var id = part.PartId.Length == 0 ? "message" : "part-" + part.PartId;
        return part.ContentType.MediaType switch
        {
            "text" => id + (part.ContentType.MediaSubtype == "html" ? ".html" : ".txt"),
            "message" => id + ".eml",
            _ => id + ".bin",
        };
    }
}
