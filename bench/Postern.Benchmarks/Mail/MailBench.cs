using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Accounts.Preferences;
using Postern.Mail;
using Postern.Mail.Access;
using Postern.Mail.Changes;
using Postern.Mail.Delivery;
using Postern.Mail.Folders;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Mail.Reading;
using Postern.Mail.Search;
using Postern.Mail.Submission;
using Postern.Storage;
using Postern.Storage.Sqlite;
using Postern.Testing;

namespace Postern.Benchmarks.Mail;

/// <summary>
/// The mail services over a store in a data directory, composed as the server composes them, with two
/// accounts (alice, bob). <see cref="OpenLargeMailboxAsync"/> gives the 100,000-message mailbox the
/// folder and search benchmarks share: built once, kept in the temp folder, reused by later runs.
/// </summary>
internal sealed class MailBench : IAsyncDisposable
{
    /// <summary>Messages in the large mailbox.</summary>
    public const int LargeMailboxMessages = 100_000;

    /// <summary>A word only in every 1,000th message's body: a selective search.</summary>
    public const string RareWord = "zeppelin";

    /// <summary>Bumped whenever the large mailbox's content or the store format changes, so an old copy is rebuilt.</summary>
    private const string LargeMailboxVersion = "v3";

    private static readonly CancellationToken s_none = CancellationToken.None;

    private readonly bool _ownsDirectory;

    private MailBench(string directory, bool ownsDirectory, IStore store)
    {
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        Store = store;
        var passwords = new PasswordOptions { Pbkdf2Iterations = 1000 };
        Domains = new DomainService(store);
        Accounts = new AccountService(store, Domains, new PasswordHasher(passwords), passwords);
        Access = new MailboxAccess(store, Accounts);
        Mailboxes = new MailboxService(store, Access);
        Search = new MessageSearch(store);
        Folders = new FolderService(store, Access, Mailboxes, Search);
        var appender = new MessageAppender(store, TimeProvider.System);
        var preferences = new MailPreferences(store, new PreferencesService(store));
        Operations = new MessageOperations(store, Access, Mailboxes, preferences, appender);
        var addresses = new UserAddresses(store);
        var reader = new MessageReader(store, Access, addresses);
        var resolver = new RecipientResolver(store, Domains);
        Delivery = new LocalDelivery(store, resolver, Domains, TimeProvider.System);
        Submission = new MessageSubmission(store, Access, resolver, Delivery, addresses, preferences, Mailboxes, appender, reader, TimeProvider.System);
        Notifier = new ChangeNotifier(store, NullLogger<ChangeNotifier>.Instance);
        Notifications = new MailNotifications(Notifier, NullLogger<MailNotifications>.Instance);
    }

    public string Directory { get; }

    public IStore Store { get; }

    public DomainService Domains { get; }

    public AccountService Accounts { get; }

    public MailboxAccess Access { get; }

    public MailboxService Mailboxes { get; }

    public MessageSearch Search { get; }

    public FolderService Folders { get; }

    public MessageOperations Operations { get; }

    public LocalDelivery Delivery { get; }

    public MessageSubmission Submission { get; }

    public ChangeNotifier Notifier { get; }

    public MailNotifications Notifications { get; }

    public MailUser Alice { get; private set; } = null!;

    public MailUser Bob { get; private set; } = null!;

    /// <summary>A fresh durable store (fsync and synchronous=FULL on) in a new temporary directory.</summary>
    public static async Task<MailBench> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "postern-bench-" + Guid.NewGuid().ToString("N")[..12]);
        var bench = await OpenAsync(directory, ownsDirectory: true, syncToDisk: true);
        await bench.ProvisionAsync();
        return bench;
    }

    /// <summary>The store holding alice's 100,000-message INBOX, built on first use.</summary>
    public static async Task<MailBench> OpenLargeMailboxAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"postern-bench-mail-{LargeMailboxMessages}-{LargeMailboxVersion}");
        var complete = Path.Combine(directory, "complete");
        if (!File.Exists(complete))
        {
            if (System.IO.Directory.Exists(directory))
                System.IO.Directory.Delete(directory, recursive: true);
            // Built without syncing (it is a fixture); reading it later is the same either way.
            await using (var building = await OpenAsync(directory, ownsDirectory: false, syncToDisk: false))
            {
                await building.ProvisionAsync();
                await building.FillLargeInboxAsync();
            }
            await File.WriteAllTextAsync(complete, DateTimeOffset.UtcNow.ToString("O"));
        }
        var bench = await OpenAsync(directory, ownsDirectory: false, syncToDisk: true);
        await bench.LoadUsersAsync();
        return bench;
    }

    /// <summary>Message <paramref name="index"/> of the large mailbox: a synthetic message, with the rare word in every 1,000th.</summary>
    public static byte[] LargeMailboxMessage(int index)
    {
        var message = SyntheticMbox.Message(index);
        return index % 1000 == 0 ? [.. message, .. Encoding.ASCII.GetBytes($"A {RareWord} flew over.\n")] : message;
    }

    private static async Task<MailBench> OpenAsync(string directory, bool ownsDirectory, bool syncToDisk)
    {
        var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = directory, SyncToDisk = syncToDisk }, null, s_none);
        return new MailBench(directory, ownsDirectory, store);
    }

    private async Task ProvisionAsync()
    {
        await Domains.CreateAsync("example.com", s_none);
        await Domains.SetMainDomainAsync("example.com", s_none);
        var provisioning = new AccountProvisioning(Accounts, Mailboxes);
        await provisioning.CreateAccountAsync(AccountName.Parse("alice@example.com"), "bench", "Alice", s_none);
        await provisioning.CreateAccountAsync(AccountName.Parse("bob@example.com"), "bench", "Bob", s_none);
        await LoadUsersAsync();
    }

    private async Task LoadUsersAsync()
    {
        Alice = await Access.GetUserAsync(AccountName.Parse("alice@example.com"), s_none);
        Bob = await Access.GetUserAsync(AccountName.Parse("bob@example.com"), s_none);
    }

    private async Task FillLargeInboxAsync()
    {
        var inbox = await Access.GetAsync(Alice, MailboxName.Inbox, s_none);
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var first = 0; first < LargeMailboxMessages; first += 1000)
        {
            var batch = Enumerable.Range(first, 1000)
                .Select(i => StoredMessages.Create(LargeMailboxMessage(i), i % 3 == 0 ? MessageFlags.Seen : MessageFlags.None, [], start.AddMinutes(i)))
                .ToArray();
            await Store.Messages.AppendAsync(inbox.Id, batch, s_none);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Notifications.Dispose();
        await Store.DisposeAsync();
        if (_ownsDirectory)
            System.IO.Directory.Delete(Directory, recursive: true);
    }
}
