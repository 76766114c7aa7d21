using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Mail;
using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Storage;
using Postern.Storage.Sqlite;

namespace Postern.Benchmarks.Store;

/// <summary>A durable SQLite store in a fresh temporary data directory with one account and mailbox, as the server would have it.</summary>
internal sealed class StoreBench : IAsyncDisposable
{
    private StoreBench(string directory, IStore store, MailboxRecord mailbox)
    {
        Directory = directory;
        Store = store;
        Mailbox = mailbox;
    }

    public string Directory { get; }

    public IStore Store { get; }

    public MailboxRecord Mailbox { get; }

    public static async Task<StoreBench> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "postern-bench-" + Guid.NewGuid().ToString("N")[..12]);
        var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = directory }, null, CancellationToken.None);
        var passwords = new PasswordOptions { Pbkdf2Iterations = 1000 };
        var domains = new DomainService(store);
        await domains.CreateAsync("example.com", CancellationToken.None);
        var accounts = new AccountService(store, domains, new PasswordHasher(passwords), passwords);
        var mailboxes = new MailboxService(store, new MailboxAccess(store, accounts));
        var account = await new AccountProvisioning(accounts, mailboxes)
            .CreateAccountAsync(AccountName.Parse("bench@example.com"), "bench", "Bench", CancellationToken.None);
        return new StoreBench(directory, store, await mailboxes.GetAsync(account, MailboxName.Inbox, CancellationToken.None));
    }

    public async Task<MailboxRecord> ReloadMailboxAsync() => (await Store.Mailboxes.GetAsync(Mailbox.Id, CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
