using Postern.Storage;

namespace Postern.Storage.Tests;

/// <summary>
/// The behaviour every store backend must have. A backend's test class derives from this one and
/// says how to open a store; every test here then runs against that backend.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private IStore? _store;

    protected IStore Store => _store ?? throw new InvalidOperationException("the store is not open");

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>Opens an empty store, private to one test.</summary>
    protected abstract Task<IStore> OpenEmptyStoreAsync();

    public async Task InitializeAsync() => _store = await OpenEmptyStoreAsync();

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
    }

    protected async Task<(DomainRecord Domain, AccountRecord Account)> CreateAccountAsync(string name = "alice", string domain = "example.com")
    {
        var domainRecord = await Store.Domains.FindAsync(domain, Ct) ?? await Store.Domains.CreateAsync(domain, Ct);
        var account = await Store.Accounts.FindAsync(domainRecord.Id, name, Ct) ?? await Store.Accounts.CreateAsync(
            new NewAccount(domainRecord.Id, name, name + " Example", new AccountCredentials("hash-of-" + name, [1, 2, 3]), "{}"), Ct);
        return (domainRecord, account);
    }

    protected async Task<MailboxRecord> CreateMailboxAsync(string name = "INBOX", string account = "alice")
    {
        var (_, accountRecord) = await CreateAccountAsync(account);
        return await Store.Mailboxes.CreateAsync(accountRecord.Id, name, "", Ct);
    }

    protected async Task<MailboxRecord> ReloadAsync(MailboxRecord mailbox) => (await Store.Mailboxes.GetAsync(mailbox.Id, Ct))!;
}
