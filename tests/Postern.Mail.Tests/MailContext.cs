using Microsoft.Extensions.Logging.Abstractions;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Accounts.Preferences;
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

namespace Postern.Mail.Tests;

/// <summary>A fresh store in a temporary directory with the account and mail services over it, composed as the server composes them.</summary>
public abstract class MailContext : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();

    protected static CancellationToken Ct => CancellationToken.None;

    protected string DataDirectory => _directory.Path;

    protected IStore Store { get; private set; } = null!;


    protected DomainService Domains { get; private set; } = null!;

    protected AccountService Accounts { get; private set; } = null!;

    protected PreferencesService Preferences { get; private set; } = null!;

    protected MailboxAccess Access { get; private set; } = null!;

    protected MailboxService Mailboxes { get; private set; } = null!;

    protected AccountProvisioning Provisioning { get; private set; } = null!;

    protected MessageAppender Appender { get; private set; } = null!;

    protected MessageSearch Search { get; private set; } = null!;

    protected FolderService Folders { get; private set; } = null!;

    protected MessageOperations Operations { get; private set; } = null!;

    protected MessageReader Reader { get; private set; } = null!;

    protected LocalDelivery Delivery { get; private set; } = null!;

    protected MessageSubmission Submission { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Store = await OpenStoreAsync();
        var passwords = new PasswordOptions { Pbkdf2Iterations = 1000 };
        Domains = new DomainService(Store);
        Accounts = new AccountService(Store, Domains, new PasswordHasher(passwords), passwords);
        Preferences = new PreferencesService(Store);
        Access = new MailboxAccess(Store, Accounts);
        Mailboxes = new MailboxService(Store, Access);
        Provisioning = new AccountProvisioning(Accounts, Mailboxes);
        Appender = new MessageAppender(Store, TimeProvider.System);
        Search = new MessageSearch(Store);
        Folders = new FolderService(Store, Access, Mailboxes, Search);
        var preferences = new MailPreferences(Store, Preferences);
        Operations = new MessageOperations(Store, Access, Mailboxes, preferences, Appender);
        var addresses = new UserAddresses(Store);
        Reader = new MessageReader(Store, Access, addresses);
        var resolver = new RecipientResolver(Store, Domains);
        Delivery = new LocalDelivery(Store, resolver, Domains, TimeProvider.System);
        Submission = new MessageSubmission(Store, Access, resolver, Delivery, addresses, preferences, Mailboxes, Appender, Reader, TimeProvider.System);
        await Domains.CreateAsync("example.com", Ct);
        await Domains.SetMainDomainAsync("example.com", Ct);
    }

    /// <summary>Another store on the same directory: what a second process would see.</summary>
    protected async Task<IStore> OpenStoreAsync() =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = _directory.Path, SyncToDisk = false }, NullLoggerFactory.Instance, Ct);

    public virtual async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }

    protected Task<AccountRecord> CreateAccountAsync(string name = "alice@example.com") =>
        Provisioning.CreateAccountAsync(AccountName.Parse(name), "secret", name[..name.IndexOf('@')].ToUpperInvariant()[..1] + name[1..name.IndexOf('@')], Ct);

    /// <summary>Creates an account and returns it as an acting user.</summary>
    protected async Task<MailUser> CreateUserAsync(string name = "alice@example.com")
    {
        await CreateAccountAsync(name);
        return await Access.GetUserAsync(AccountName.Parse(name), Ct);
    }

    protected Task<AccessibleMailbox> MailboxAsync(MailUser user, string name = "INBOX") => Access.GetAsync(user, name, Ct);

    /// <summary>Appends test messages to a mailbox the user owns and returns their UIDs.</summary>
    protected async Task<uint[]> AppendAsync(MailUser user, string mailbox, params byte[][] messages)
    {
        var target = await MailboxAsync(user, mailbox);
        var uids = new List<uint>();
        foreach (var message in messages)
            uids.Add((await Appender.AppendAsync(target.Record, message, MessageFlags.None, [], null, Ct)).Uid);
        return uids.ToArray();
    }
}
