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
public sealed class AddressBook(IStore store, MailboxService mailboxes, MessageAppender appender, TimeProvider time)
{
    /// <summary>The mailbox contacts are added to; created (class Contacts) when missing.</summary>
    public const string MailboxName = "Contacts";

    /// <summary>Contacts offered on one Compose page; larger address books are searched in the Contacts mailbox.</summary>
    public const int MaxListed = 1000;

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

    /// <summary>
    /// The contacts for the Compose page's address book: one <c>{name; email}</c> dictionary per address
    /// (the From of each contact message, which carries the contact's name and address).
    /// </summary>
    public async Task<Postern.Data.DataArray> ListAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var contacts = new Postern.Data.DataArray();
        if (await mailboxes.FindAsync(account, MailboxName, cancellationToken) is not { } box)
            return contacts;
        var entries = await store.Messages.ListAsync(box.Id, MessageSortField.From, descending: false, MessageFlagFilter.All, cancellationToken);
        foreach (var chunk in entries.Take(MaxListed).Select(e => e.Uid).Chunk(500))
        {
            foreach (var record in await store.Messages.GetAsync(box.Id, chunk, cancellationToken))
            {
                var from = Postern.Mime.Headers.HeaderList.Parse(record.Summary.HeaderBlock).GetAddresses("From").Mailboxes;
                if (from is [var address, ..] && address.IsComplete)
                    contacts.Add(new Postern.Data.DataDictionary { ["name"] = address.Name ?? "", ["email"] = address.Address });
            }
        }
        return contacts;
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
