using Postern.Accounts.Passwords;
using Postern.Data;
using Postern.Storage;

namespace Postern.Accounts;

/// <summary>Accounts: creation, lookup by <c>name@domain</c> (or alias), removal, passwords, real names, settings, aliases.</summary>
/// <remarks>
/// Creating an account does not create its mailboxes: that is the mail layer's business
/// (<c>Postern.Mail.AccountProvisioning</c>), which every way of creating accounts goes through.
/// </remarks>
public sealed class AccountService(IStore store, DomainService domains, PasswordHasher hasher, PasswordOptions passwordOptions)
{
    /// <exception cref="AccountsException">The domain does not exist, the name is taken, or the password or real name is unacceptable.</exception>
    public async Task<AccountRecord> CreateAsync(AccountName name, string password, string realName, CancellationToken cancellationToken)
    {
        var domain = await domains.GetAsync(name.Domain, cancellationToken);
        ValidateRealName(realName);
        var credentials = MakeCredentials(password);
        try
        {
            return await store.Accounts.CreateAsync(new NewAccount(domain.Id, name.Name, realName.Trim(), credentials, "{}"), cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new AccountsException($"account {name.Name}@{domain.Name} already exists");
        }
    }

    /// <summary>The account with this name or alias in the domain with this name or alias, or null.</summary>
    public async Task<AccountRecord?> FindAsync(AccountName name, CancellationToken cancellationToken)
    {
        var domain = await domains.FindAsync(name.Domain, cancellationToken);
        return domain is null ? null : await store.Accounts.FindAsync(domain.Id, name.Name, cancellationToken);
    }

    /// <summary>
    /// Resolves what a user typed to log in: <c>name@domain</c>, or a bare <c>name</c> in
    /// <paramref name="defaultDomain"/> (the domain the connection addressed) or else the main domain.
    /// </summary>
    /// <returns>The account, or null when there is none (also when the text is not a valid name).</returns>
    public async Task<AccountRecord?> ResolveLoginNameAsync(string loginName, string? defaultDomain, CancellationToken cancellationToken)
    {
        var text = (loginName ?? "").Trim();
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            var domain = defaultDomain ?? await domains.GetMainDomainNameAsync(cancellationToken);
            if (domain is null)
                return null;
            text = text + "@" + domain;
        }
        return AccountName.TryParse(text, out var name, out _) ? await FindAsync(name, cancellationToken) : null;
    }

    /// <exception cref="UnknownNameException">There is no such account.</exception>
    public async Task<AccountRecord> GetAsync(AccountName name, CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken) ?? throw new UnknownNameException($"account {name} does not exist");

    /// <summary>The full name of an account, <c>name@domain</c>.</summary>
    public async Task<AccountName> GetNameAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        var domain = await store.Domains.GetAsync(account.DomainId, cancellationToken)
            ?? throw new UnknownNameException($"the domain of account {account.Name} no longer exists");
        return new AccountName(account.Name, domain.Name);
    }

    /// <exception cref="UnknownNameException">There is no such domain.</exception>
    public async Task<IReadOnlyList<AccountRecord>> ListAsync(string domainName, CancellationToken cancellationToken)
    {
        var domain = await domains.GetAsync(domainName, cancellationToken);
        return await store.Accounts.ListAsync(domain.Id, cancellationToken);
    }

    /// <summary>Removes the account with everything it owns.</summary>
    /// <exception cref="UnknownNameException">There is no such account.</exception>
    public async Task RemoveAsync(AccountName name, CancellationToken cancellationToken)
    {
        var account = await GetAsync(name, cancellationToken);
        await store.Accounts.DeleteAsync(account.Id, cancellationToken);
    }

    /// <exception cref="AccountsException">The password is unacceptable.</exception>
    public Task SetPasswordAsync(AccountRecord account, string password, CancellationToken cancellationToken) =>
        store.Accounts.SetCredentialsAsync(account.Id, MakeCredentials(password), cancellationToken);

    /// <exception cref="AccountsException">The real name is too long or has control characters.</exception>
    public Task SetRealNameAsync(AccountRecord account, string realName, CancellationToken cancellationToken)
    {
        ValidateRealName(realName);
        return store.Accounts.SetRealNameAsync(account.Id, realName.Trim(), cancellationToken);
    }

    /// <summary>The account's settings dictionary (stored text that no longer parses reads as empty).</summary>
    public static DataDictionary GetSettings(AccountRecord account) => StoredDictionary.Read(account.Settings);

    /// <summary>Applies changes to the account's settings: a null-value removes a key.</summary>
    public async Task<DataDictionary> UpdateSettingsAsync(AccountRecord account, DataDictionary changes, CancellationToken cancellationToken)
    {
        var current = await store.Accounts.GetAsync(account.Id, cancellationToken)
            ?? throw new UnknownNameException($"account {account.Name} no longer exists");
        var updated = StoredDictionary.Apply(GetSettings(current), changes);
        await store.Accounts.SetSettingsAsync(account.Id, StoredDictionary.Write(updated), cancellationToken);
        return updated;
    }

    public Task<IReadOnlyList<string>> ListAliasesAsync(AccountRecord account, CancellationToken cancellationToken) =>
        store.Accounts.ListAliasesAsync(account.Id, cancellationToken);

    /// <exception cref="AccountsException">The alias is invalid or already an account name or alias in the domain.</exception>
    public async Task AddAliasAsync(AccountRecord account, string alias, CancellationToken cancellationToken)
    {
        if (!AccountName.TryNormalizeName(alias, out var normalized, out var error))
            throw new AccountsException(error);
        try
        {
            await store.Accounts.AddAliasAsync(account.Id, normalized, cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new AccountsException($"{normalized} is already an account name or alias in this domain");
        }
    }

    public Task<bool> RemoveAliasAsync(AccountRecord account, string alias, CancellationToken cancellationToken) =>
        store.Accounts.RemoveAliasAsync(account.Id, alias.Trim().ToLowerInvariant(), cancellationToken);

    /// <summary>The stored verifiers for a new password.</summary>
    /// <exception cref="AccountsException">The password is empty, too long or has a NUL character.</exception>
    public AccountCredentials MakeCredentials(string password)
    {
        ValidatePassword(password);
        return new AccountCredentials(hasher.Hash(password), passwordOptions.EnableCramMd5 ? CramMd5.ComputeSecret(password) : null);
    }

    private static void ValidatePassword(string password)
    {
        if (string.IsNullOrEmpty(password))
            throw new AccountsException("a password must not be empty");
        if (password.Length > AccountLimits.MaxPasswordLength)
            throw new AccountsException($"a password must not be longer than {AccountLimits.MaxPasswordLength} characters");
        // A NUL cannot travel in SASL PLAIN (RFC 4616 §2) or a XIMSS frame (each ends at a NUL byte).
        if (password.Contains('\0', StringComparison.Ordinal))
            throw new AccountsException("a password must not contain a NUL character");
    }

    private static void ValidateRealName(string realName)
    {
        ArgumentNullException.ThrowIfNull(realName);
        if (realName.Length > AccountLimits.MaxRealNameLength)
            throw new AccountsException($"a real name must not be longer than {AccountLimits.MaxRealNameLength} characters");
        if (realName.Any(char.IsControl))
            throw new AccountsException("a real name must not contain control characters");
    }
}
