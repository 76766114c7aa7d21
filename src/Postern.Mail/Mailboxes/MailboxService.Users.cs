using Postern.Mail.Access;
using Postern.Storage;

namespace Postern.Mail.Mailboxes;

/// <remarks>
/// Rights needed for another account's mailboxes (RFC 2086 letters, as CommuniGate uses them): creating
/// <c>~owner/A/B</c> needs <c>c</c> on <c>~owner/A</c>; removing needs <c>d</c> on the mailbox and on each
/// sub-mailbox removed with it; renaming needs <c>d</c> on the mailbox and <c>c</c> on the new parent;
/// reading or changing the ACL needs <c>a</c>. A user's own mailboxes need nothing.
/// </remarks>
public sealed partial class MailboxService
{
    /// <summary>Creates a mailbox for the user: its own, or (with the <c>c</c> right on the parent) another account's.</summary>
    /// <exception cref="MailException">The name or class is invalid, the mailbox exists, or the right is missing.</exception>
    /// <remarks>A new mailbox starts with its parent's ACL, so a shared tree stays shared (RFC 4314 §5.1.1).</remarks>
    public async Task<AccessibleMailbox> CreateAsync(MailUser user, string name, string mailboxClass, CancellationToken cancellationToken)
    {
        if (!MailboxPath.IsForeign(name))
        {
            var created = await CreateAsync(user.Account, name, mailboxClass, cancellationToken);
            if (MailboxName.Parent(created.Name) is { } ownParent && await store.Mailboxes.FindAsync(user.Id, ownParent, cancellationToken) is { } parentRecord)
                await CopyAclAsync(parentRecord, created, cancellationToken);
            return new AccessibleMailbox(created, created.Name, user.Name, IsOwn: true, MailboxRights.All);
        }

        var (owner, box) = MailboxPath.Parse(name, user.Name.Domain);
        var parentName = MailboxName.Parent(box) ?? throw new MailAccessDeniedException(name.Trim(), "create top-level mailboxes of another account");
        var parent = await access.GetAsync(user, MailboxPath.Format(owner, parentName), MailboxRights.Create, "create sub-mailboxes", cancellationToken);
        var ownerAccount = await OwnerAsync(parent, cancellationToken);
        var record = await CreateAsync(ownerAccount, box, mailboxClass, cancellationToken);
        await CopyAclAsync(parent.Record, record, cancellationToken);
        return await access.GetAsync(user, MailboxPath.Format(parent.Owner, record.Name), cancellationToken);
    }

    private async Task CopyAclAsync(MailboxRecord from, MailboxRecord to, CancellationToken cancellationToken)
    {
        foreach (var entry in await store.Mailboxes.GetAclAsync(from.Id, cancellationToken))
            await store.Mailboxes.SetAclEntryAsync(to.Id, entry.Grantee, entry.Rights, cancellationToken);
    }

    /// <summary>The mailbox the user means, created with <paramref name="mailboxClass"/> when it does not exist yet.</summary>
    /// <exception cref="MailException">It does not exist and cannot be created.</exception>
    public async Task<AccessibleMailbox> GetOrCreateAsync(MailUser user, string name, string mailboxClass, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(user, name, cancellationToken) is { } existing)
            return existing;
        try
        {
            return await CreateAsync(user, name, mailboxClass, cancellationToken);
        }
        catch (MailException e) when (e.Code == MailErrorCode.MailboxExists)
        {
            // Another session created it meanwhile.
            return await access.GetAsync(user, name, cancellationToken);
        }
    }

    /// <summary>Renames a mailbox the user owns or may delete, with its sub-mailboxes when asked.</summary>
    /// <returns>The new names.</returns>
    /// <exception cref="MailException">Either name is invalid, a mailbox is missing or taken, or a right is missing.</exception>
    public async Task<IReadOnlyList<string>> RenameAsync(
        MailUser user, string name, string newName, bool withChildren, CancellationToken cancellationToken)
    {
        var mailbox = await access.GetAsync(user, name, cancellationToken);
        if (mailbox.IsOwn && !MailboxPath.IsForeign(newName))
            return (await RenameAsync(user.Account, mailbox.Record.Name, newName, withChildren, cancellationToken)).Select(m => m.Name).ToArray();

        mailbox.Require(MailboxRights.Delete, "rename it");
        var (owner, target) = MailboxPath.IsForeign(newName) ? MailboxPath.Parse(newName, user.Name.Domain) : (user.Name, MailboxName.Normalize(newName));
        if (owner != mailbox.Owner)
            throw new MailException($"mailbox {mailbox.Name} cannot move to another account");
        var newParent = MailboxName.Parent(target) ?? throw new MailAccessDeniedException(newName.Trim(), "create top-level mailboxes of another account");
        await access.GetAsync(user, MailboxPath.Format(owner, newParent), MailboxRights.Create, "create sub-mailboxes", cancellationToken);
        if (withChildren)
            await RequireOnChildrenAsync(user, mailbox, MailboxRights.Delete, "rename it", cancellationToken);
        var renamed = await RenameAsync(await OwnerAsync(mailbox, cancellationToken), mailbox.Record.Name, target, withChildren, cancellationToken);
        return renamed.Select(m => MailboxPath.Format(owner, m.Name)).ToArray();
    }

    /// <summary>Removes a mailbox (with its sub-mailboxes when asked) the user owns or may delete.</summary>
    /// <returns>The names removed.</returns>
    /// <exception cref="MailException">The mailbox is missing or INBOX, has sub-mailboxes, or a right is missing.</exception>
    public async Task<IReadOnlyList<string>> RemoveAsync(MailUser user, string name, bool withChildren, CancellationToken cancellationToken)
    {
        var mailbox = await access.GetAsync(user, name, cancellationToken);
        if (mailbox.IsOwn)
            return await RemoveAsync(user.Account, mailbox.Record.Name, withChildren, cancellationToken);

        mailbox.Require(MailboxRights.Delete, "remove it");
        if (withChildren)
            await RequireOnChildrenAsync(user, mailbox, MailboxRights.Delete, "remove it", cancellationToken);
        var removed = await RemoveAsync(await OwnerAsync(mailbox, cancellationToken), mailbox.Record.Name, withChildren, cancellationToken);
        return removed.Select(n => MailboxPath.Format(mailbox.Owner, n)).ToArray();
    }

    /// <summary>The user's rights on a mailbox (XIMSS <c>mailboxRightsGet</c>).</summary>
    /// <exception cref="UnknownMailboxException">There is no such mailbox the user may know of.</exception>
    public async Task<MailboxRights> GetRightsAsync(MailUser user, string name, CancellationToken cancellationToken) =>
        (await access.GetAsync(user, name, cancellationToken)).Rights;

    /// <summary>The mailbox's ACL, for its owner or a user with the <c>a</c> right.</summary>
    /// <exception cref="MailException">The mailbox is unknown or the right is missing.</exception>
    public async Task<IReadOnlyList<(string Grantee, MailboxRights Rights)>> GetAclAsync(MailUser user, string name, CancellationToken cancellationToken)
    {
        var mailbox = await access.GetAsync(user, name, MailboxRights.Administer, "see its access rights", cancellationToken);
        return await GetAclAsync(mailbox.Record, cancellationToken);
    }

    /// <summary>Applies ACL changes in order, for the owner or a user with the <c>a</c> right.</summary>
    /// <returns>The ACL after the changes.</returns>
    /// <exception cref="MailException">The mailbox is unknown, the right is missing, or a grantee is not an account name or <c>anyone</c>.</exception>
    public async Task<IReadOnlyList<(string Grantee, MailboxRights Rights)>> UpdateAclAsync(
        MailUser user, string name, IReadOnlyList<MailboxAclChange> changes, CancellationToken cancellationToken)
    {
        var mailbox = await access.GetAsync(user, name, MailboxRights.Administer, "change its access rights", cancellationToken);
        foreach (var change in changes)
        {
            var grantee = NormalizeGrantee(change.Grantee);
            var current = (await GetAclAsync(mailbox.Record, cancellationToken)).FirstOrDefault(e => e.Grantee == grantee).Rights;
            var rights = change.Mode switch
            {
                MailboxAclChangeMode.Add => current | change.Rights,
                MailboxAclChangeMode.Remove => current & ~change.Rights,
                _ => change.Rights,
            };
            await SetRightsAsync(mailbox.Record, grantee, rights, cancellationToken);
        }
        return await GetAclAsync(mailbox.Record, cancellationToken);
    }

    private async Task RequireOnChildrenAsync(
        MailUser user, AccessibleMailbox mailbox, MailboxRights rights, string operation, CancellationToken cancellationToken)
    {
        foreach (var child in await ListChildrenAsync(mailbox.Record.AccountId, mailbox.Record.Name, cancellationToken))
        {
            if ((await access.GetRightsAsync(child, user, cancellationToken) & rights) != rights)
                throw new MailAccessDeniedException(MailboxPath.Format(mailbox.Owner, child.Name), operation);
        }
    }

    private async Task<AccountRecord> OwnerAsync(AccessibleMailbox mailbox, CancellationToken cancellationToken) =>
        await store.Accounts.GetAsync(mailbox.Record.AccountId, cancellationToken) ?? throw new UnknownMailboxException(mailbox.Name);
}
