namespace Postern.Mail;

/// <summary>A mail request cannot be done; the message says why in words fit for the user.</summary>
public class MailException(string message) : Exception(message);

/// <summary>The mailbox named does not exist.</summary>
public sealed class UnknownMailboxException(string mailbox)
    : MailException($"mailbox {mailbox} does not exist")
{
    public string Mailbox { get; } = mailbox;
}
