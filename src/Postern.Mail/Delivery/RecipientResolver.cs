using Postern.Accounts;
using Postern.Mime.Addresses;
using Postern.Storage;

namespace Postern.Mail.Delivery;

/// <summary>
/// Decides where a recipient address leads: an address in one of this server's domains (or their
/// aliases) must name an account or an account alias; any other address is remote.
/// </summary>
public sealed class RecipientResolver(IStore store, DomainService domains)
{
    /// <exception cref="MailException">The text is not one complete address, or it is in a local domain and names no account.</exception>
    public async Task<Recipient> ResolveAsync(string address, CancellationToken cancellationToken)
    {
        var mailbox = Parse(address);
        var domain = await domains.FindAsync(mailbox.AsciiDomain, cancellationToken);
        if (domain is null)
            return new Recipient(mailbox.Address, null, null);
        // An unknown local recipient is refused before anything is sent, rather than bounced later:
        // the sender sees the mistake at once.
        var account = AccountName.TryNormalizeName(mailbox.LocalPart, out var name, out _)
            ? await store.Accounts.FindAsync(domain.Id, name, cancellationToken)
            : null;
        if (account is null)
            throw new MailException(MailErrorCode.UnknownRecipient, $"unknown recipient: {mailbox.Address}");
        return new Recipient(mailbox.Address, account, new AccountName(account.Name, domain.Name));
    }

    /// <summary>One complete address (<c>name@domain</c>), with or without a display name.</summary>
    /// <exception cref="MailException">The text is not exactly one complete address.</exception>
    public static MailboxAddress Parse(string address)
    {
        var mailboxes = AddressList.Parse(address ?? "").Mailboxes;
        if (mailboxes.Count != 1 || !mailboxes[0].IsComplete)
            throw new MailException(MailErrorCode.InvalidAddress, $"invalid address: {address?.Trim()}");
        return mailboxes[0];
    }
}
