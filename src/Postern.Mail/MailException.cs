namespace Postern.Mail;

/// <summary>A mail request cannot be done; the message says why in words fit for the user.</summary>
/// <remarks>
/// <see cref="Code"/> says what kind of failure it is, so a protocol layer can answer with its own
/// error number (docs/mail.md lists how each code maps onto the XIMSS error table).
/// </remarks>
public class MailException(MailErrorCode code, string message) : Exception(message)
{
    public MailException(string message)
        : this(MailErrorCode.InvalidRequest, message)
    {
    }

    public MailErrorCode Code { get; } = code;
}

/// <summary>What kind of failure a <see cref="MailException"/> reports.</summary>
public enum MailErrorCode
{
    /// <summary>The request itself is not acceptable (a bad value, an impossible combination).</summary>
    InvalidRequest,

    /// <summary>The mailbox does not exist, or the user may not know it exists.</summary>
    UnknownMailbox,

    /// <summary>A mailbox of that name exists already.</summary>
    MailboxExists,

    /// <summary>The mailbox name is empty, too long or has forbidden characters.</summary>
    IllegalMailboxName,

    /// <summary>The mailbox has sub-mailboxes and the request did not include them.</summary>
    HasSubMailboxes,

    /// <summary>The user's rights on the mailbox do not allow the operation.</summary>
    AccessDenied,

    /// <summary>No message with that UID exists in the mailbox.</summary>
    MessageNotFound,

    /// <summary>The message has no part with that part ID.</summary>
    PartNotFound,

    /// <summary>A message to send has no recipients.</summary>
    NoRecipients,

    /// <summary>An address cannot be read, or may not be used as the sender.</summary>
    InvalidAddress,

    /// <summary>A recipient in one of this server's domains does not exist.</summary>
    UnknownRecipient,

    /// <summary>A message or a list of recipients is over its limit.</summary>
    MessageTooLarge,

    /// <summary>The message data cannot be used (an unreadable composed message).</summary>
    IllegalMessageData,
}

/// <summary>The mailbox named does not exist (or is not visible to the user).</summary>
public sealed class UnknownMailboxException(string mailbox)
    : MailException(MailErrorCode.UnknownMailbox, $"mailbox {mailbox} does not exist")
{
    public string Mailbox { get; } = mailbox;
}

/// <summary>The user's rights do not allow an operation on a mailbox.</summary>
public sealed class MailAccessDeniedException(string mailbox, string operation)
    : MailException(MailErrorCode.AccessDenied, $"access to mailbox {mailbox} denied: you may not {operation}")
{
    public string Mailbox { get; } = mailbox;
}
