using Postern.Mime.Addresses;

namespace Postern.Mime.Writing;

/// <summary>A message being composed: header fields and a body of <see cref="ComposedPart"/>s.</summary>
/// <remarks>
/// <see cref="MessageWriter"/> turns it into RFC 5322 bytes, filling in Date and Message-ID when they are
/// not set, encoding non-ASCII header text (RFC 2047) and file names (RFC 2231), and choosing each body's
/// transfer encoding.
/// </remarks>
public sealed class ComposedMessage
{
    /// <summary>The authors.</summary>
    public List<MailboxAddress> From { get; } = [];

    /// <summary>The Sender, when it differs from the author (RFC 5322 §3.6.2).</summary>
    public MailboxAddress? Sender { get; set; }

    /// <summary>Where replies should go.</summary>
    public List<MailboxAddress> ReplyTo { get; } = [];

    /// <summary>The To recipients (groups allowed, e.g. <c>undisclosed-recipients:;</c>).</summary>
    public List<AddressEntry> To { get; } = [];

    /// <summary>The Cc recipients.</summary>
    public List<AddressEntry> Cc { get; } = [];

    /// <summary>The Bcc recipients. They are written (for drafts and sent copies); the submission path removes them.</summary>
    public List<AddressEntry> Bcc { get; } = [];

    /// <summary>The subject.</summary>
    public string? Subject { get; set; }

    /// <summary>The date; the writer uses the current time when null.</summary>
    public DateTimeOffset? Date { get; set; }

    /// <summary>The Message-ID without angle brackets; the writer makes a unique one when null.</summary>
    public string? MessageId { get; set; }

    /// <summary>The identifiers this message replies to, without angle brackets.</summary>
    public List<string> InReplyTo { get; } = [];

    /// <summary>The thread's identifiers, oldest first, without angle brackets.</summary>
    public List<string> References { get; } = [];

    /// <summary>
    /// Other header fields, in order (X-Mailer, Organization, Disposition-Notification-To, …). Fields that
    /// hold addresses (see <see cref="MessageWriter"/>) are written as address lists, the rest as text.
    /// </summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>The body.</summary>
    public ComposedPart Body { get; set; } = new ComposedText("");
}
