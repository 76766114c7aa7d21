using Postern.Mime.Addresses;
using Postern.Mime.Encodings;
using Postern.Mime.Headers;
using Postern.Mime.Text;

namespace Postern.Mime.Summary;

/// <summary>What a folder view shows of a message, extracted once when the message is stored.</summary>
public sealed record MessageSummary
{
    /// <summary>The From mailboxes.</summary>
    public required IReadOnlyList<MailboxAddress> From { get; init; }

    /// <summary>The To mailboxes (groups flattened).</summary>
    public required IReadOnlyList<MailboxAddress> To { get; init; }

    /// <summary>The Cc mailboxes (groups flattened).</summary>
    public required IReadOnlyList<MailboxAddress> Cc { get; init; }

    /// <summary>The Reply-To mailboxes.</summary>
    public required IReadOnlyList<MailboxAddress> ReplyTo { get; init; }

    /// <summary>The decoded Subject, or null.</summary>
    public string? Subject { get; init; }

    /// <summary>The Date, or null when absent or unreadable.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The Message-ID without angle brackets, or null.</summary>
    public string? MessageId { get; init; }

    /// <summary>The first In-Reply-To identifier without angle brackets, or null.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The References identifiers without angle brackets, oldest first.</summary>
    public required IReadOnlyList<string> References { get; init; }

    /// <summary>The priority (XIMSS <c>Pty</c>).</summary>
    public MessagePriority Priority { get; init; }

    /// <summary>The top-level media type, <c>type/subtype</c> lower case.</summary>
    public required string ContentType { get; init; }

    /// <summary>
    /// Whether any part is an attachment (<see cref="MimePart.IsAttachment"/>) or a plain text part starts a
    /// uuencoded or yEnc file within its first <see cref="EmbeddedFileScanLength"/> bytes; false for header-only summaries.
    /// </summary>
    public bool HasAttachments { get; init; }

    /// <summary>The start of the message text, white space collapsed; empty for header-only summaries.</summary>
    public required string Preview { get; init; }

    /// <summary>The X-Color field when it holds a valid HTML colour (<c>#rgb</c>, <c>#rrggbb</c> or a colour name), or null.</summary>
    public string? Color { get; init; }

    /// <summary>How much of each text part (raw bytes, before transfer decoding) is searched for embedded files.</summary>
    /// <remarks>
    /// Old mailers put a uuencoded or yEnc file after a short note, so its first line comes early; 256 KiB holds
    /// any such note many times over, and bounds what a summary decodes per part when the text is base64 or
    /// quoted-printable (a plain text part is searched in place, with one vectorised scan).
    /// </remarks>
    public const int EmbeddedFileScanLength = 256 * 1024;

    /// <summary>Summarises a parsed message.</summary>
    public static MessageSummary Create(MimeMessage message, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        options ??= SummaryOptions.Default;
        return FromHeaders(message.Headers, message.Body.ContentType.MimeType) with
        {
            HasAttachments = FindsAttachment(message),
            Preview = options.PreviewLength == 0 ? "" : TextPreview.Create(message, options.PreviewLength),
        };
    }

    private static bool FindsAttachment(MimeMessage message)
    {
        foreach (var part in message.EnumerateParts())
        {
            if (part.IsAttachment)
            {
                return true;
            }
        }

        // WebUser shows uuencoded and yEnc files inside text as attachments, so the folder view marks them too.
        // HTML is left out: it renders as a page, not as text with files in it (and is the larger part).
        foreach (var part in message.EnumerateParts())
        {
            if (part.IsText && !part.ContentType.Is("text", "html") && EmbeddedBlocks.Contains(part.DecodeContentStart(EmbeddedFileScanLength).Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Summarises a header block alone (no preview, no attachment detection).</summary>
    public static MessageSummary FromHeaders(HeaderList headers) =>
        FromHeaders(headers, headers.TryGet("Content-Type", out var field) ? Headers.ContentType.Parse(field.RawValue.Span).MimeType : "text/plain");

    private static MessageSummary FromHeaders(HeaderList headers, string contentType)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new MessageSummary
        {
            From = headers.GetAddresses("From").Mailboxes,
            To = headers.GetAddresses("To").Mailboxes,
            Cc = headers.GetAddresses("Cc").Mailboxes,
            ReplyTo = headers.GetAddresses("Reply-To").Mailboxes,
            Subject = headers.GetText("Subject"),
            Date = headers.GetDate(),
            MessageId = headers.TryGet("Message-ID", out var id) ? MessageIds.ParseFirst(id.RawValue.Span) : null,
            InReplyTo = headers.TryGet("In-Reply-To", out var reply) ? MessageIds.ParseFirst(reply.RawValue.Span) : null,
            References = headers.GetMessageIds("References"),
            Priority = PriorityReader.Read(headers),
            ContentType = contentType,
            Preview = "",
            Color = HtmlColor.Validate(headers.GetText("X-Color")),
        };
    }
}
