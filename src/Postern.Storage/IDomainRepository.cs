namespace Postern.Storage;

/// <summary>Domains and their aliases (other names the same domain answers to).</summary>
public interface IDomainRepository
{
    /// <exception cref="StoreConflictException">The name is already a domain or a domain alias.</exception>
    Task<DomainRecord> CreateAsync(string name, CancellationToken cancellationToken);

    Task<DomainRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Finds a domain by its name or by one of its aliases.</summary>
    Task<DomainRecord?> FindAsync(string nameOrAlias, CancellationToken cancellationToken);

    /// <summary>All domains ordered by name.</summary>
    Task<IReadOnlyList<DomainRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes the domain and everything in it (accounts, mailboxes, messages).</summary>
    /// <returns>False when the domain did not exist.</returns>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">The domain does not exist.</exception>
    Task SetSettingsAsync(long id, string settings, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">The domain does not exist.</exception>
    Task SetDefaultPrefsAsync(long id, string defaultPrefs, CancellationToken cancellationToken);

    /// <summary>The domain's aliases ordered by name.</summary>
    Task<IReadOnlyList<string>> ListAliasesAsync(long id, CancellationToken cancellationToken);

    /// <exception cref="StoreConflictException">The alias is already a domain or a domain alias.</exception>
    /// <exception cref="StoreNotFoundException">The domain does not exist.</exception>
    Task AddAliasAsync(long id, string alias, CancellationToken cancellationToken);

    /// <returns>False when the domain had no such alias.</returns>
    Task<bool> RemoveAliasAsync(long id, string alias, CancellationToken cancellationToken);
}
