using Postern.Accounts;
using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.Mail;

/// <summary>Creates accounts ready for mail: the account, then its default mailboxes. Every way of creating an account goes through here.</summary>
public sealed class AccountProvisioning(AccountService accounts, MailboxService mailboxes)
{
    /// <exception cref="AccountsException">The account cannot be created.</exception>
    public async Task<AccountRecord> CreateAccountAsync(AccountName name, string password, string realName, CancellationToken cancellationToken)
    {
        var account = await accounts.CreateAsync(name, password, realName, cancellationToken);
        await mailboxes.EnsureDefaultMailboxesAsync(account, cancellationToken);
        return account;
    }
}
