using Postern.Data;
using Postern.Storage;

namespace Postern.Accounts.Preferences;

/// <summary>
/// WebUser preferences, shared by WebUser pages and XIMSS <c>prefsRead</c>/<c>prefsStore</c>. What
/// an account sees is resolved key by key: the account's own value, else its domain's default, else
/// the server-wide default, else the built-in value.
/// </summary>
/// <remarks>
/// Custom preferences (XIMSS <c>type="custom"</c>) are a separate dictionary the client owns: no
/// defaults apply. They are stored with the account's own preferences under <see cref="CustomKey"/>.
/// </remarks>
public sealed class PreferencesService(IStore store)
{
    /// <summary>The key of the account's own preference dictionary that holds its custom preferences.</summary>
    public const string CustomKey = "CustomPrefs";

    /// <summary>The server setting that holds the server-wide defaults.</summary>
    private const string ServerDefaultsSetting = "WebUserDefaults";

    private static readonly DataDictionary s_builtIn = LoadBuiltIn();

    /// <summary>The built-in values every other level overrides (read-only).</summary>
    public static DataDictionary BuiltIn => s_builtIn;

    /// <summary>The server-wide defaults laid over the built-in values.</summary>
    public async Task<DataDictionary> GetServerDefaultsAsync(CancellationToken cancellationToken) =>
        Freeze(StoredDictionary.Overlay(s_builtIn, await ReadServerDefaultsAsync(cancellationToken)));

    /// <summary>Changes the server-wide defaults; a null-value removes a key (back to the built-in value).</summary>
    public async Task UpdateServerDefaultsAsync(DataDictionary changes, CancellationToken cancellationToken)
    {
        var updated = StoredDictionary.Apply(await ReadServerDefaultsAsync(cancellationToken), changes);
        await store.ServerSettings.SetAsync(ServerDefaultsSetting, StoredDictionary.Write(updated), cancellationToken);
    }

    /// <summary>What an account of <paramref name="domain"/> sees for every preference it has not set (read-only).</summary>
    public async Task<DataDictionary> GetDomainDefaultsAsync(DomainRecord domain, CancellationToken cancellationToken) =>
        Freeze(StoredDictionary.Overlay(await GetServerDefaultsAsync(cancellationToken), StoredDictionary.Read(domain.DefaultPrefs)));

    /// <summary>Changes a domain's defaults; a null-value removes a key (back to the server-wide value).</summary>
    public async Task UpdateDomainDefaultsAsync(DomainRecord domain, DataDictionary changes, CancellationToken cancellationToken)
    {
        var current = await store.Domains.GetAsync(domain.Id, cancellationToken)
            ?? throw new UnknownNameException($"domain {domain.Name} no longer exists");
        var updated = StoredDictionary.Apply(StoredDictionary.Read(current.DefaultPrefs), changes);
        await store.Domains.SetDefaultPrefsAsync(domain.Id, StoredDictionary.Write(updated), cancellationToken);
    }

    /// <summary>The preferences in effect for an account (read-only).</summary>
    public async Task<DataDictionary> GetEffectiveAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        var domain = await store.Domains.GetAsync(account.DomainId, cancellationToken)
            ?? throw new UnknownNameException($"the domain of account {account.Name} no longer exists");
        return Freeze(StoredDictionary.Overlay(await GetDomainDefaultsAsync(domain, cancellationToken), GetOwn(account)));
    }

    /// <summary>Only the preferences the account set itself (without custom preferences).</summary>
    public static DataDictionary GetOwn(AccountRecord account)
    {
        var own = StoredDictionary.Read(account.Prefs);
        own.Remove(CustomKey);
        return own;
    }

    /// <summary>Changes the account's own preferences; a null-value removes a key (back to the default).</summary>
    public Task UpdateAsync(AccountRecord account, DataDictionary changes, CancellationToken cancellationToken)
    {
        if (changes.ContainsKey(CustomKey))
            throw new AccountsException($"{CustomKey} is not a preference name; store custom preferences as custom preferences");
        return UpdateStoredAsync(account, stored => StoredDictionary.Apply(stored, changes), cancellationToken);
    }

    /// <summary>The account's custom preferences.</summary>
    public static DataDictionary GetCustom(AccountRecord account) =>
        StoredDictionary.Read(account.Prefs).Find(CustomKey) is DataDictionary custom ? custom : new DataDictionary();

    /// <summary>Changes the account's custom preferences; a null-value removes a key.</summary>
    public Task UpdateCustomAsync(AccountRecord account, DataDictionary changes, CancellationToken cancellationToken) =>
        UpdateStoredAsync(account, stored =>
        {
            var custom = stored.Find(CustomKey) is DataDictionary existing ? existing : new DataDictionary();
            var updated = StoredDictionary.Apply(custom, changes);
            if (updated.Count == 0)
                stored.Remove(CustomKey);
            else
                stored[CustomKey] = updated;
            return stored;
        }, cancellationToken);

    private async Task UpdateStoredAsync(AccountRecord account, Func<DataDictionary, DataDictionary> change, CancellationToken cancellationToken)
    {
        // Re-read: the record the caller holds may predate another session's change.
        var current = await store.Accounts.GetAsync(account.Id, cancellationToken)
            ?? throw new UnknownNameException($"account {account.Name} no longer exists");
        var updated = change(StoredDictionary.Read(current.Prefs));
        await store.Accounts.SetPrefsAsync(account.Id, StoredDictionary.Write(updated), cancellationToken);
    }

    private async Task<DataDictionary> ReadServerDefaultsAsync(CancellationToken cancellationToken) =>
        StoredDictionary.Read(await store.ServerSettings.GetAsync(ServerDefaultsSetting, cancellationToken) ?? "{}");

    private static DataDictionary Freeze(DataDictionary dictionary) => (DataDictionary)dictionary.MakeReadOnly();

    private static DataDictionary LoadBuiltIn()
    {
        using var stream = typeof(PreferencesService).Assembly.GetManifestResourceStream("Postern.Accounts.BuiltInPrefs.data")!;
        using var reader = new StreamReader(stream);
        return Freeze(DataParser.ParseDictionary(reader.ReadToEnd(), "BuiltInPrefs.data"));
    }
}
