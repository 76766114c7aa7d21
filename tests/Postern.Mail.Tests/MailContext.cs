using Microsoft.Extensions.Logging.Abstractions;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Mail.Mailboxes;
using Postern.Storage;
using Postern.Storage.Sqlite;
using Postern.Testing;

namespace Postern.Mail.Tests;

/// <summary>A fresh store in a temporary directory with the account and mail services over it.</summary>
public abstract class MailContext : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();

    protected static CancellationToken Ct => CancellationToken.None;

    protected string DataDirectory => _directory.Path;

    protected IStore Store { get; private set; } = null!;

    protected AccountService Accounts { get; private set; } = null!;

    protected MailboxService Mailboxes { get; private set; } = null!;

    protected AccountProvisioning Provisioning { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Store = await OpenStoreAsync();
        var passwords = new PasswordOptions { Pbkdf2Iterations = 1000 };
        var domains = new DomainService(Store);
        Accounts = new AccountService(Store, domains, new PasswordHasher(passwords), passwords);
        Mailboxes = new MailboxService(Store);
        Provisioning = new AccountProvisioning(Accounts, Mailboxes);
        await domains.CreateAsync("example.com", Ct);
    }

    /// <summary>Another store on the same directory: what a second process would see.</summary>
    protected async Task<IStore> OpenStoreAsync() =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = _directory.Path }, NullLoggerFactory.Instance, Ct);

    public virtual async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }

    protected Task<AccountRecord> CreateAccountAsync(string name = "alice@example.com") =>
        Provisioning.CreateAccountAsync(AccountName.Parse(name), "secret", "Alice", Ct);
}
