using System.Text;
using Postern.Data;
using Postern.Mail.Access;
using Postern.Mail.Folders;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Mime.Addresses;
using Postern.Mime.Headers;
using Postern.Mime.Writing;
using Postern.Storage;

namespace Postern.WebUser.Mail;

/// <summary>
/// The account's address book: the Contacts mailbox, where each contact is a message holding a vCard
/// (as CommuniGate keeps contacts). The Message page's TakeAddress adds the sender here; the Compose
/// page lists it.
/// </summary>
public sealed class AddressBook(MessageOperations operations, FolderService folders, TimeProvider time)
{
    /// <summary>The mailbox contacts are added to; created (class Contacts) when missing.</summary>
    public const string MailboxName = "Contacts";

    /// <summary>Contacts offered on one Compose page; larger address books are browsed in the Contacts mailbox.</summary>
    public const int MaxListed = 1000;

    private static readonly IReadOnlyList<FolderField> s_from = FolderField.Parse(["E-From"]);

    /// <summary>Adds a contact with the name and address.</summary>
    public async Task AddAsync(MailUser user, string? name, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var displayName = string.IsNullOrWhiteSpace(name) ? address : name.Trim();
        var message = new ComposedMessage
        {
            Subject = displayName,
            Body = new ComposedText(VCard(displayName, address), "x-vcard"),
        };
        message.From.Add(new MailboxAddress(displayName, address));
        var bytes = MessageWriter.Write(message, new MessageWriterOptions { TimeProvider = time, MessageIdDomain = user.Name.Domain });
        await operations.AppendAsync(user, MailboxName, bytes, MessageFlags.Seen, [], null, MailboxClass.Contacts, cancellationToken);
    }

    /// <summary>The contacts, by name: one <c>{name; email}</c> dictionary per contact (the From of its message).</summary>
    public async Task<DataArray> ListAsync(MailUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var contacts = new DataArray();
        FolderView view;
        try
        {
            view = await folders.OpenAsync(user, MailboxName, new FolderViewDefinition(new FolderSortOrder("From", Descending: false), FolderViewFilter.None),
                createClass: null, timeZone: null, cancellationToken);
        }
        catch (Postern.Mail.UnknownMailboxException)
        {
            return contacts;
        }
        foreach (var row in await view.BrowseAsync(0, MaxListed - 1, s_from, cancellationToken))
        {
            if (row.Values[0] is FolderFieldValue.AddressList { Addresses: [var address, ..] } && address.IsComplete)
                contacts.Add(new DataDictionary { ["name"] = address.Name ?? "", ["email"] = address.Address });
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
