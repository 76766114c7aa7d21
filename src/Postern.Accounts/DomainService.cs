using Postern.Data;
using Postern.Storage;

namespace Postern.Accounts;

/// <summary>Domains: creation, lookup by name or alias, removal, settings, and which one is the main domain.</summary>
public sealed class DomainService(IStore store)
{
    /// <summary>The server setting naming the main domain: the domain of account names given without <c>@domain</c>.</summary>
    private const string MainDomainSetting = "MainDomain";

    /// <exception cref="AccountsException">The name is invalid or already taken.</exception>
    public async Task<DomainRecord> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = DomainName.Normalize(name);
        try
        {
            return await store.Domains.CreateAsync(normalized, cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new AccountsException($"domain {normalized} already exists");
        }
    }

    /// <summary>The domain with this name or alias, or null (also for a name that is not a domain name at all).</summary>
    public Task<DomainRecord?> FindAsync(string nameOrAlias, CancellationToken cancellationToken) =>
        DomainName.TryNormalize(nameOrAlias, out var normalized, out _)
            ? store.Domains.FindAsync(normalized, cancellationToken)
            : Task.FromResult<DomainRecord?>(null);

    /// <exception cref="UnknownNameException">There is no such domain.</exception>
    public async Task<DomainRecord> GetAsync(string nameOrAlias, CancellationToken cancellationToken) =>
        await FindAsync(nameOrAlias, cancellationToken) ?? throw new UnknownNameException($"domain {nameOrAlias} does not exist");

    public Task<IReadOnlyList<DomainRecord>> ListAsync(CancellationToken cancellationToken) => store.Domains.ListAsync(cancellationToken);

    /// <summary>Removes a domain. A domain with accounts is only removed with <paramref name="withAccounts"/>, and the main domain never.</summary>
    /// <returns>The domain removed (the name given may have been an alias).</returns>
    /// <exception cref="AccountsException">The domain does not exist, is the main domain, or still has accounts.</exception>
    public async Task<DomainRecord> RemoveAsync(string name, bool withAccounts, CancellationToken cancellationToken)
    {
        var domain = await GetAsync(name, cancellationToken);
        if (await GetMainDomainNameAsync(cancellationToken) == domain.Name)
            throw new AccountsException($"domain {domain.Name} is the main domain and cannot be removed");
        var accounts = await store.Accounts.ListAsync(domain.Id, cancellationToken);
        if (accounts.Count > 0 && !withAccounts)
            throw new AccountsException($"domain {domain.Name} still has {accounts.Count} account(s); remove them first or force the removal");
        await store.Domains.DeleteAsync(domain.Id, cancellationToken);
        return domain;
    }

    public Task<IReadOnlyList<string>> ListAliasesAsync(DomainRecord domain, CancellationToken cancellationToken) =>
        store.Domains.ListAliasesAsync(domain.Id, cancellationToken);

    /// <exception cref="AccountsException">The alias is invalid or already a domain name or alias.</exception>
    public async Task AddAliasAsync(DomainRecord domain, string alias, CancellationToken cancellationToken)
    {
        var normalized = DomainName.Normalize(alias);
        try
        {
            await store.Domains.AddAliasAsync(domain.Id, normalized, cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new AccountsException($"{normalized} is already a domain name or alias");
        }
    }

    public Task<bool> RemoveAliasAsync(DomainRecord domain, string alias, CancellationToken cancellationToken) =>
        store.Domains.RemoveAliasAsync(domain.Id, DomainName.TryNormalize(alias, out var normalized, out _) ? normalized : alias, cancellationToken);

    /// <summary>The domain's settings dictionary (stored text that no longer parses reads as empty).</summary>
    public static DataDictionary GetSettings(DomainRecord domain) => StoredDictionary.Read(domain.Settings);

    public Task SetSettingsAsync(DomainRecord domain, DataDictionary settings, CancellationToken cancellationToken) =>
        store.Domains.SetSettingsAsync(domain.Id, StoredDictionary.Write(settings), cancellationToken);

    /// <summary>The main domain's name, or null before the server's first start chose one.</summary>
    public Task<string?> GetMainDomainNameAsync(CancellationToken cancellationToken) =>
        store.ServerSettings.GetAsync(MainDomainSetting, cancellationToken);

    /// <exception cref="UnknownNameException">There is no such domain.</exception>
    public async Task SetMainDomainAsync(string name, CancellationToken cancellationToken)
    {
        var domain = await GetAsync(name, cancellationToken);
        await store.ServerSettings.SetAsync(MainDomainSetting, domain.Name, cancellationToken);
    }
}
