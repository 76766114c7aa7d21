namespace Postern.Storage;

/// <summary>Accounts and account aliases (other names that reach the same account).</summary>
public interface IAccountRepository
{
    /// <exception cref="StoreConflictException">The name is already an account or an alias in the domain.</exception>
    /// <exception cref="StoreNotFoundException">The domain does not exist.</exception>
    Task<AccountRecord> CreateAsync(NewAccount account, CancellationToken cancellationToken);

    Task<AccountRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Finds an account of the domain by its name or by one of its aliases.</summary>
    Task<AccountRecord?> FindAsync(long domainId, string nameOrAlias, CancellationToken cancellationToken);

    /// <summary>The domain's accounts ordered by name.</summary>
    Task<IReadOnlyList<AccountRecord>> ListAsync(long domainId, CancellationToken cancellationToken);

    /// <summary>Removes the account and everything it owns.</summary>
    /// <returns>False when the account did not exist.</returns>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">The account does not exist.</exception>
    Task SetRealNameAsync(long id, string realName, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">The account does not exist.</exception>
    Task SetCredentialsAsync(long id, AccountCredentials credentials, CancellationToken cancellationToken);

    /// <exception cref="StoreNotFoundException">The account does not exist.</exception>
    Task SetSettingsAsync(long id, string settings, CancellationToken cancellationToken);

    /// <summary>Replaces the account's own WebUser preferences and records a change.</summary>
    /// <exception cref="StoreNotFoundException">The account does not exist.</exception>
    Task SetPrefsAsync(long id, string prefs, CancellationToken cancellationToken);

    /// <summary>The account's aliases ordered by name.</summary>
    Task<IReadOnlyList<string>> ListAliasesAsync(long id, CancellationToken cancellationToken);

    /// <exception cref="StoreConflictException">The alias is already an account or an alias in the domain.</exception>
    /// <exception cref="StoreNotFoundException">The account does not exist.</exception>
    Task AddAliasAsync(long id, string alias, CancellationToken cancellationToken);

    /// <returns>False when the account had no such alias.</returns>
    Task<bool> RemoveAliasAsync(long id, string alias, CancellationToken cancellationToken);
}
