using Postern.Accounts;
using Postern.Mail.Access;
using Postern.Storage;

namespace Postern.Mail.Mailboxes;

/// <summary>An account's mailboxes: names, hierarchy, classes, subscriptions, aliases and access rights.</summary>
/// <remarks>
/// Methods taking an <see cref="AccountRecord"/> act as the owner (provisioning, the admin CLI); methods
/// taking a <see cref="MailUser"/> act for a session's user, resolve <c>~owner/box</c> names and aliases,
/// and check the user's rights (the partial files beside this one).
/// </remarks>
public sealed partial class MailboxService(IStore store, MailboxAccess access)
{
    /// <summary>What every account starts with (and gets back if one of them was removed).</summary>
    public static IReadOnlyList<string> DefaultMailboxes { get; } = [MailboxName.Inbox, "Sent", "Drafts", "Trash"];

    /// <summary>Creates and subscribes the default mailboxes the account lacks; safe to repeat.</summary>
    public async Task EnsureDefaultMailboxesAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        foreach (var name in DefaultMailboxes)
        {
            if (await store.Mailboxes.FindAsync(account.Id, name, cancellationToken) is not null)
                continue;
            try
            {
                await store.Mailboxes.CreateAsync(account.Id, name, MailboxClass.Mail, cancellationToken);
            }
            catch (StoreConflictException)
            {
                // Another process created it meanwhile: the goal is reached.
            }
            await store.Mailboxes.SetSubscribedAsync(account.Id, name, true, cancellationToken);
        }
    }

    /// <summary>The account's mailboxes ordered by name, those matching an IMAP-style pattern when one is given.</summary>
    public async Task<IReadOnlyList<MailboxRecord>> ListAsync(AccountRecord account, string? pattern, CancellationToken cancellationToken)
    {
        var all = await store.Mailboxes.ListAsync(account.Id, cancellationToken);
        return pattern is null or "*" ? all : all.Where(m => MailboxName.Matches(m.Name, pattern)).ToArray();
    }

    /// <summary>The mailbox with this name, or null (also for an invalid name).</summary>
    public Task<MailboxRecord?> FindAsync(AccountRecord account, string name, CancellationToken cancellationToken) =>
        MailboxName.TryNormalize(name, out var normalized, out _)
            ? store.Mailboxes.FindAsync(account.Id, normalized, cancellationToken)
            : Task.FromResult<MailboxRecord?>(null);

    /// <exception cref="UnknownMailboxException">There is no such mailbox.</exception>
    public async Task<MailboxRecord> GetAsync(AccountRecord account, string name, CancellationToken cancellationToken) =>
        await FindAsync(account, name, cancellationToken) ?? throw new UnknownMailboxException(name);

    /// <summary>Creates a mailbox. Missing parent levels are not created: a name's levels are only a naming convention.</summary>
    /// <exception cref="MailException">The name or class is invalid, or the mailbox exists.</exception>
    public async Task<MailboxRecord> CreateAsync(AccountRecord account, string name, string mailboxClass, CancellationToken cancellationToken)
    {
        var normalized = MailboxName.Normalize(name);
        var parsedClass = MailboxClass.Parse(mailboxClass);
        try
        {
            return await store.Mailboxes.CreateAsync(account.Id, normalized, parsedClass, cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new MailException(MailErrorCode.MailboxExists, $"mailbox {normalized} already exists");
        }
    }

    /// <summary>Renames a mailbox (and, with <paramref name="withChildren"/>, the mailboxes below it), moving subscriptions along.</summary>
    /// <exception cref="MailException">The mailbox is missing or INBOX, a new name is invalid or taken.</exception>
    public async Task<IReadOnlyList<MailboxRecord>> RenameAsync(
        AccountRecord account, string name, string newName, bool withChildren, CancellationToken cancellationToken)
    {
        var mailbox = await GetAsync(account, name, cancellationToken);
        var target = MailboxName.Normalize(newName);
        if (mailbox.Name == MailboxName.Inbox)
            throw new MailException(MailErrorCode.AccessDenied, "INBOX cannot be renamed");
        if (target == MailboxName.Inbox || target.StartsWith(mailbox.Name + MailboxName.Separator, StringComparison.Ordinal))
            throw new MailException($"mailbox {mailbox.Name} cannot be renamed to {target}");
        IReadOnlyList<MailboxRecord> renamed;
        try
        {
            renamed = await store.Mailboxes.RenameAsync(mailbox.Id, target, withChildren, cancellationToken);
        }
        catch (StoreConflictException e)
        {
            throw new MailException(MailErrorCode.MailboxExists, e.Message);
        }

        // Subscriptions follow a renamed mailbox, as WebUser's rename does.
        var subscribed = (await store.Mailboxes.ListSubscriptionsAsync(account.Id, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var box in renamed)
        {
            var oldName = mailbox.Name + box.Name[target.Length..];
            if (!subscribed.Contains(oldName))
                continue;
            await store.Mailboxes.SetSubscribedAsync(account.Id, oldName, false, cancellationToken);
            await store.Mailboxes.SetSubscribedAsync(account.Id, box.Name, true, cancellationToken);
        }
        return renamed;
    }

    /// <summary>Removes a mailbox with its messages (and, with <paramref name="withChildren"/>, the mailboxes below it).</summary>
    /// <returns>The names removed.</returns>
    /// <exception cref="MailException">The mailbox is missing or INBOX, or has sub-mailboxes and <paramref name="withChildren"/> is false.</exception>
    public async Task<IReadOnlyList<string>> RemoveAsync(AccountRecord account, string name, bool withChildren, CancellationToken cancellationToken)
    {
        var mailbox = await GetAsync(account, name, cancellationToken);
        if (mailbox.Name == MailboxName.Inbox)
            throw new MailException(MailErrorCode.AccessDenied, "INBOX cannot be removed");
        var children = await ListChildrenAsync(account.Id, mailbox.Name, cancellationToken);
        if (children.Count > 0 && !withChildren)
            throw new MailException(MailErrorCode.HasSubMailboxes, $"mailbox {mailbox.Name} has sub-mailboxes");
        var removing = children.Prepend(mailbox).ToArray();
        foreach (var box in removing)
        {
            await store.Mailboxes.DeleteAsync(box.Id, cancellationToken);
            await store.Mailboxes.SetSubscribedAsync(account.Id, box.Name, false, cancellationToken);
        }
        return removing.Select(m => m.Name).ToArray();
    }

    private async Task<IReadOnlyList<MailboxRecord>> ListChildrenAsync(long accountId, string name, CancellationToken cancellationToken) =>
        (await store.Mailboxes.ListAsync(accountId, cancellationToken))
            .Where(m => m.Name.StartsWith(name + MailboxName.Separator, StringComparison.Ordinal))
            .ToArray();

    public Task<IReadOnlyList<string>> ListSubscriptionsAsync(AccountRecord account, CancellationToken cancellationToken) =>
        store.Mailboxes.ListSubscriptionsAsync(account.Id, cancellationToken);

    /// <exception cref="MailException">The name is invalid.</exception>
    public Task SetSubscribedAsync(AccountRecord account, string name, bool subscribed, CancellationToken cancellationToken) =>
        store.Mailboxes.SetSubscribedAsync(account.Id, MailboxName.Normalize(name), subscribed, cancellationToken);

    public Task<IReadOnlyList<MailboxAliasRecord>> ListAliasesAsync(AccountRecord account, CancellationToken cancellationToken) =>
        store.Mailboxes.ListAliasesAsync(account.Id, cancellationToken);

    /// <summary>Makes <paramref name="name"/> in this account refer to <paramref name="mailbox"/> of <paramref name="owner"/>.</summary>
    /// <exception cref="MailException">The alias name is invalid or is already a mailbox of this account.</exception>
    public async Task SetAliasAsync(AccountRecord account, string name, AccountName owner, string mailbox, CancellationToken cancellationToken)
    {
        var aliasName = MailboxName.Normalize(name);
        if (await store.Mailboxes.FindAsync(account.Id, aliasName, cancellationToken) is not null)
            throw new MailException(MailErrorCode.MailboxExists, $"{aliasName} is already a mailbox");
        await store.Mailboxes.SetAliasAsync(account.Id, aliasName, $"~{owner}/{MailboxName.Normalize(mailbox)}", cancellationToken);
    }

    public Task<bool> RemoveAliasAsync(AccountRecord account, string name, CancellationToken cancellationToken) =>
        store.Mailboxes.RemoveAliasAsync(account.Id, name.Trim(), cancellationToken);

    /// <summary>The mailbox's ACL: grantee and rights.</summary>
    public async Task<IReadOnlyList<(string Grantee, MailboxRights Rights)>> GetAclAsync(MailboxRecord mailbox, CancellationToken cancellationToken) =>
        (await store.Mailboxes.GetAclAsync(mailbox.Id, cancellationToken))
            .Select(entry => (entry.Grantee, MailboxRightsText.Parse(entry.Rights)))
            .ToArray();

    /// <summary>Sets what <paramref name="grantee"/> (<c>name@domain</c> or <c>anyone</c>) may do; no rights removes the entry.</summary>
    /// <exception cref="MailException">The grantee is not an account name or <c>anyone</c>.</exception>
    public Task SetRightsAsync(MailboxRecord mailbox, string grantee, MailboxRights rights, CancellationToken cancellationToken) =>
        store.Mailboxes.SetAclEntryAsync(mailbox.Id, NormalizeGrantee(grantee), MailboxRightsText.Format(rights), cancellationToken);

    private static string NormalizeGrantee(string grantee)
    {
        var text = grantee.Trim();
        if (text.Equals(MailboxAccess.AnyoneGrantee, StringComparison.OrdinalIgnoreCase))
            return MailboxAccess.AnyoneGrantee;
        return AccountName.TryParse(text, out var name, out var error) ? name.ToString() : throw new MailException(error);
    }
}
