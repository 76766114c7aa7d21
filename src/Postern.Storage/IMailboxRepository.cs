namespace Postern.Storage;

/// <summary>Mailboxes, subscriptions, mailbox aliases and access-control lists.</summary>
public interface IMailboxRepository
{
    /// <summary>Creates an empty mailbox with a fresh UIDVALIDITY and UIDNEXT 1.</summary>
    /// <exception cref="StoreConflictException">The account already has a mailbox of that name.</exception>
    /// <exception cref="StoreNotFoundException">The account does not exist.</exception>
    Task<MailboxRecord> CreateAsync(long accountId, string name, string mailboxClass, CancellationToken cancellationToken);

    Task<MailboxRecord?> GetAsync(long id, CancellationToken cancellationToken);

    Task<MailboxRecord?> FindAsync(long accountId, string name, CancellationToken cancellationToken);

    /// <summary>The account's mailboxes ordered by name (ordinal).</summary>
    Task<IReadOnlyList<MailboxRecord>> ListAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Renames a mailbox and, when <paramref name="withChildren"/> is set, every mailbox below it
    /// (<c>A/…</c> becomes <c>B/…</c>), in one transaction. Renamed mailboxes keep their UIDs and
    /// UIDVALIDITY: their messages moved with them.
    /// </summary>
    /// <returns>The renamed mailboxes.</returns>
    /// <exception cref="StoreConflictException">A new name is already taken.</exception>
    /// <exception cref="StoreNotFoundException">The mailbox does not exist.</exception>
    Task<IReadOnlyList<MailboxRecord>> RenameAsync(long id, string newName, bool withChildren, CancellationToken cancellationToken);

    /// <summary>Removes the mailbox, its messages and its ACL. Blob space is reclaimed by compaction.</summary>
    /// <returns>False when the mailbox did not exist.</returns>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>Subscribed names ordered by name; a subscription may name a mailbox that does not exist.</summary>
    Task<IReadOnlyList<string>> ListSubscriptionsAsync(long accountId, CancellationToken cancellationToken);

    /// <returns>False when the subscription was already in the requested state.</returns>
    Task<bool> SetSubscribedAsync(long accountId, string name, bool subscribed, CancellationToken cancellationToken);

    Task<IReadOnlyList<MailboxAliasRecord>> ListAliasesAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>Creates or retargets a mailbox alias.</summary>
    /// <exception cref="StoreNotFoundException">The account does not exist.</exception>
    Task SetAliasAsync(long accountId, string name, string target, CancellationToken cancellationToken);

    /// <returns>False when there was no such alias.</returns>
    Task<bool> RemoveAliasAsync(long accountId, string name, CancellationToken cancellationToken);

    /// <summary>The mailbox's ACL ordered by grantee.</summary>
    Task<IReadOnlyList<AclEntry>> GetAclAsync(long mailboxId, CancellationToken cancellationToken);

    /// <summary>
    /// The mailboxes of any account whose ACL has an entry for one of <paramref name="grantees"/>: one
    /// result per matching entry, ordered by owner and mailbox name.
    /// </summary>
    Task<IReadOnlyList<GrantedMailbox>> ListGrantedAsync(IReadOnlyList<string> grantees, CancellationToken cancellationToken);

    /// <summary>Sets the rights of one grantee; empty <paramref name="rights"/> removes the entry.</summary>
    /// <exception cref="StoreNotFoundException">The mailbox does not exist.</exception>
    Task SetAclEntryAsync(long mailboxId, string grantee, string rights, CancellationToken cancellationToken);
}
