using Postern.Accounts.Passwords;
using Postern.Accounts.Preferences;
using Postern.Storage;
using Postern.Storage.Sqlite;
using Postern.Testing;

namespace Postern.Accounts.Tests;

/// <summary>A fresh store in a temporary directory with the account services over it (cheap password hashing).</summary>
public abstract class AccountsContext : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();

    protected static CancellationToken Ct => CancellationToken.None;

    protected PasswordOptions PasswordOptions { get; } = new() { Pbkdf2Iterations = 1000 };

    protected IStore Store { get; private set; } = null!;

    protected DomainService Domains { get; private set; } = null!;

    protected AccountService Accounts { get; private set; } = null!;

    protected Authenticator Authenticator { get; private set; } = null!;

    protected PreferencesService Preferences { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = _directory.Path }, null, Ct);
        var hasher = new PasswordHasher(PasswordOptions);
        Domains = new DomainService(Store);
        Accounts = new AccountService(Store, Domains, hasher, PasswordOptions);
        Authenticator = new Authenticator(Store, Accounts, hasher, PasswordOptions);
        Preferences = new PreferencesService(Store);
        await Domains.CreateAsync("example.com", Ct);
        await Domains.SetMainDomainAsync("example.com", Ct);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }

    protected Task<AccountRecord> CreateAccountAsync(string name = "alice@example.com", string password = "secret") =>
        Accounts.CreateAsync(AccountName.Parse(name), password, "Alice Example", Ct);
}
