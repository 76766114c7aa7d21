using Postern.Accounts;
using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.Mail.Access;

/// <summary>
/// Finds mailboxes by the names a user gives them and works out what the user may do there: own
/// mailboxes, mailbox aliases, and other accounts' mailboxes (<c>~owner@domain/box</c>) as their ACLs allow.
/// </summary>
/// <remarks>
/// Rights are CommuniGate's letters (RFC 2086): the owner has all of them; anyone else has the union of
/// the ACL entries naming it and <c>anyone</c>. A mailbox the user has no right on at all is reported as
/// unknown, so that names of private mailboxes do not leak.
/// </remarks>
public sealed class MailboxAccess(IStore store, AccountService accounts)
{
    /// <summary>The grantee standing for every authenticated user (CommuniGate and RFC 4314 §2).</summary>
    public const string AnyoneGrantee = "anyone";

    /// <summary>The acting user for an account name or alias.</summary>
    /// <exception cref="UnknownNameException">There is no such account.</exception>
    public async Task<MailUser> GetUserAsync(AccountName name, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(name, cancellationToken);
        return new MailUser(account, await accounts.GetNameAsync(account, cancellationToken));
    }

    /// <summary>The acting user for an account id (a session knows its account by id).</summary>
    /// <exception cref="UnknownNameException">The account no longer exists.</exception>
    public async Task<MailUser> GetUserAsync(long accountId, CancellationToken cancellationToken)
    {
        var account = await store.Accounts.GetAsync(accountId, cancellationToken)
            ?? throw new UnknownNameException($"account {accountId} no longer exists");
        return new MailUser(account, await accounts.GetNameAsync(account, cancellationToken));
    }

    /// <summary>The mailbox the user means by <paramref name="name"/>, or null when there is none the user may know of.</summary>
    /// <exception cref="MailException">The name is not a valid mailbox name.</exception>
    public async Task<AccessibleMailbox?> FindAsync(MailUser user, string name, CancellationToken cancellationToken)
    {
        if (MailboxPath.IsForeign(name))
        {
            var (owner, box) = MailboxPath.Parse(name, user.Name.Domain);
            return await FindForeignAsync(user, owner, box, null, cancellationToken);
        }

        var normalized = MailboxName.Normalize(name);
        if (await store.Mailboxes.FindAsync(user.Id, normalized, cancellationToken) is { } own)
            return new AccessibleMailbox(own, own.Name, user.Name, IsOwn: true, MailboxRights.All);
        var alias = (await store.Mailboxes.ListAliasesAsync(user.Id, cancellationToken)).FirstOrDefault(a => a.Name == normalized);
        if (alias is null)
            return null;
        var (aliasOwner, aliasBox) = MailboxPath.Parse(alias.Target, user.Name.Domain);
        return await FindForeignAsync(user, aliasOwner, aliasBox, alias.Name, cancellationToken);
    }

    /// <summary>
    /// A mailbox by its id (a change notification names mailboxes by id), as the user sees it: own, or
    /// another account's under its <c>~owner@domain/box</c> name; null when it is gone or hidden from the user.
    /// </summary>
    public async Task<AccessibleMailbox?> FindAsync(MailUser user, long mailboxId, CancellationToken cancellationToken)
    {
        var mailbox = await store.Mailboxes.GetAsync(mailboxId, cancellationToken);
        if (mailbox is null)
            return null;
        if (mailbox.AccountId == user.Id)
            return new AccessibleMailbox(mailbox, mailbox.Name, user.Name, IsOwn: true, MailboxRights.All);
        var owner = await store.Accounts.GetAsync(mailbox.AccountId, cancellationToken);
        var rights = await GetRightsAsync(mailbox, user, cancellationToken);
        if (owner is null || rights == MailboxRights.None)
            return null;
        var ownerName = await accounts.GetNameAsync(owner, cancellationToken);
        return new AccessibleMailbox(mailbox, MailboxPath.Format(ownerName, mailbox.Name), ownerName, IsOwn: false, rights);
    }

    /// <exception cref="UnknownMailboxException">There is no such mailbox the user may know of.</exception>
    public async Task<AccessibleMailbox> GetAsync(MailUser user, string name, CancellationToken cancellationToken) =>
        await FindAsync(user, name, cancellationToken) ?? throw new UnknownMailboxException(name.Trim());

    /// <summary>The mailbox, when the user has every right in <paramref name="required"/> on it.</summary>
    /// <param name="operation">What the user tries, for the message ("read messages").</param>
    /// <exception cref="UnknownMailboxException">There is no such mailbox the user may know of.</exception>
    /// <exception cref="MailAccessDeniedException">A right is missing.</exception>
    public async Task<AccessibleMailbox> GetAsync(
        MailUser user, string name, MailboxRights required, string operation, CancellationToken cancellationToken)
    {
        var mailbox = await GetAsync(user, name, cancellationToken);
        mailbox.Require(required, operation);
        return mailbox;
    }

    /// <summary>
    /// The mailbox as it is now: its current record (counters, name after a rename) and the user's
    /// current rights. Operations on an open folder view call this, so an ACL change applies at once.
    /// </summary>
    /// <exception cref="UnknownMailboxException">It was removed, or the user lost every right.</exception>
    public async Task<AccessibleMailbox> RefreshAsync(MailUser user, AccessibleMailbox mailbox, CancellationToken cancellationToken)
    {
        var record = await store.Mailboxes.GetAsync(mailbox.Id, cancellationToken) ?? throw new UnknownMailboxException(mailbox.Name);
        if (mailbox.IsOwn)
            return mailbox with { Record = record, Name = record.Name };
        var rights = await GetRightsAsync(record, user, cancellationToken);
        if (rights == MailboxRights.None)
            throw new UnknownMailboxException(mailbox.Name);
        // An alias keeps its name; a ~owner/box name follows a rename of the box.
        var name = mailbox.Name.StartsWith(MailboxPath.ForeignPrefix) ? MailboxPath.Format(mailbox.Owner, record.Name) : mailbox.Name;
        return mailbox with { Record = record, Name = name, Rights = rights };
    }

    /// <summary>What <paramref name="user"/> may do with a mailbox: everything when it owns it, else what the ACL grants it or anyone.</summary>
    public async Task<MailboxRights> GetRightsAsync(MailboxRecord mailbox, MailUser user, CancellationToken cancellationToken)
    {
        if (mailbox.AccountId == user.Id)
            return MailboxRights.All;
        var rights = MailboxRights.None;
        foreach (var entry in await store.Mailboxes.GetAclAsync(mailbox.Id, cancellationToken))
        {
            if (IsGrantee(entry.Grantee, user))
                rights |= MailboxRightsText.Parse(entry.Rights);
        }
        return rights;
    }

    /// <summary>The ACL grantees that stand for the user: its name and <c>anyone</c>.</summary>
    public static IReadOnlyList<string> GranteesOf(MailUser user) => [user.Name.ToString(), AnyoneGrantee];

    private static bool IsGrantee(string grantee, MailUser user) => grantee == AnyoneGrantee || grantee == user.Name.ToString();

    private async Task<AccessibleMailbox?> FindForeignAsync(
        MailUser user, AccountName owner, string box, string? aliasName, CancellationToken cancellationToken)
    {
        var ownerAccount = await accounts.FindAsync(owner, cancellationToken);
        if (ownerAccount is null)
            return null;
        var ownerName = await accounts.GetNameAsync(ownerAccount, cancellationToken);
        var mailbox = await store.Mailboxes.FindAsync(ownerAccount.Id, box, cancellationToken);
        if (mailbox is null)
            return null;
        if (ownerAccount.Id == user.Id)
            return new AccessibleMailbox(mailbox, aliasName ?? mailbox.Name, ownerName, IsOwn: true, MailboxRights.All);
        var rights = await GetRightsAsync(mailbox, user, cancellationToken);
        return rights == MailboxRights.None
            ? null
            : new AccessibleMailbox(mailbox, aliasName ?? MailboxPath.Format(ownerName, mailbox.Name), ownerName, IsOwn: false, rights);
    }
}
