namespace Postern.Storage;

/// <summary>
/// The words of a message for full-text search, extracted by the mail layer when the message is
/// stored: decoded header values and the readable text of its body.
/// </summary>
/// <param name="Subject">The decoded Subject.</param>
/// <param name="From">The From addresses: display names and addresses.</param>
/// <param name="To">The To addresses.</param>
/// <param name="Cc">The Cc addresses.</param>
/// <param name="Bcc">The Bcc addresses (kept on drafts and sent copies).</param>
/// <param name="Headers">Every header field's decoded value, one per line.</param>
/// <param name="Body">The decoded text of the body parts a reader sees, and the file names of attachments.</param>
public sealed record MessageText(string Subject, string From, string To, string Cc, string Bcc, string Headers, string Body)
{
    public static MessageText Empty { get; } = new("", "", "", "", "", "", "");
}

/// <summary>Where in a message a full-text condition looks.</summary>
public enum MessageTextField
{
    Subject,
    From,
    To,
    Cc,
    Bcc,

    /// <summary>Any header field.</summary>
    Headers,

    /// <summary>The body text and attachment names.</summary>
    Body,

    /// <summary>Headers or body.</summary>
    Anywhere,
}
