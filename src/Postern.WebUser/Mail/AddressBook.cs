using System.Text;
using Postern.Accounts;
using Postern.Mail;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Mime.Addresses;
using Postern.Mime.Writing;
using Postern.Storage;

namespace Postern.WebUser.Mail;

/// <summary>
/// The account's address book: the Contacts mailbox, where each contact is a message holding a vCard
/// (as CommuniGate keeps contacts). The Message page's TakeAddress adds the sender here.
/// </summary>
public sealed class AddressBook(MailboxService mailboxes, MessageAppender appender, TimeProvider time)
{
    /// <summary>The mailbox contacts are added to; created (class Contacts) when missing.</summary>
    public const string MailboxName = "Contacts";

    public async Task AddAsync(AccountRecord account, string? name, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var box = await mailboxes.FindAsync(account, MailboxName, cancellationToken);
        if (box is null)
        {
            try
            {
                box = await mailboxes.CreateAsync(account, MailboxName, MailboxClass.Contacts, cancellationToken);
            }
            catch (MailException)
            {
                box = await mailboxes.GetAsync(account, MailboxName, cancellationToken);
            }
        }
        var displayName = string.IsNullOrWhiteSpace(name) ? address : name.Trim();
        var message = new ComposedMessage
        {
            Subject = displayName,
            Body = new ComposedText(VCard(displayName, address), "x-vcard"),
        };
        message.From.Add(new MailboxAddress(displayName, address));
        await appender.AppendAsync(box, MessageWriter.Write(message, new MessageWriterOptions { TimeProvider = time }),
            MessageFlags.Seen, [], null, cancellationToken);
    }

    /// <summary>A vCard 3.0 (RFC 2426) with the name and the e-mail address.</summary>
    internal static string VCard(string name, string address) => new StringBuilder()
        .Append("BEGIN:VCARD\r\nVERSION:3.0\r\n")
        .Append("FN:").Append(Escape(name)).Append("\r\n")
        .Append("N:;").Append(Escape(name)).Append(";;;\r\n")
        .Append("EMAIL;TYPE=INTERNET:").Append(Escape(address)).Append("\r\n")
        .Append("UID:").Append(Guid.NewGuid().ToString("D")).Append("\r\n")
        .Append("END:VCARD\r\n")
        .ToString();

    /// <summary>RFC 2426 §5: backslash, comma, semicolon and line breaks are escaped in text values.</summary>
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
