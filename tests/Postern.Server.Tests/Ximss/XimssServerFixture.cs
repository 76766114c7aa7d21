using Microsoft.Extensions.Logging.Abstractions;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Data;
using Postern.Mail;
using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Server.Hosting;
using Postern.Server.Tests.EndToEnd;
using Postern.Storage;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>
/// <c>postern serve</c> with every XIMSS listener on loopback (HTTP, XIMSS, XIMSS TLS), the postmaster's
/// password known, and login-failure delays short enough for tests. Subclasses add settings.
/// </summary>
public class XimssServerFixture : IAsyncLifetime
{
    public const string Password = "secret";

    private readonly TemporaryDirectory _directory = new();
    private PosternProcess? _server;

    public string Data => _directory.File("data");

    internal PosternProcess Server => _server!;

    public int HttpPort => Server.HttpPort;

    public int XimssPort => Server.XimssPort!.Value;

    public int XimssTlsPort => Server.XimssTlsPort!.Value;

    public string HttpBase => $"http://127.0.0.1:{HttpPort}";

    /// <summary>Settings of this fixture's server, as environment variables.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["POSTERN_POSTMASTER_PASSWORD"] = Password,
            ["POSTERN_XIMSS_TLS_PORT"] = "auto",
            ["POSTERN_ACCOUNTS__LOGIN_THROTTLE__FAILURE_DELAY"] = "00:00:00.050",
            ["POSTERN_ACCOUNTS__LOGIN_THROTTLE__MAX_FAILURE_DELAY"] = "00:00:00.200",
        };
        foreach (var (name, value) in Settings)
            environment[name] = value;
        _server = await PosternProcess.StartServerAsync(Data, environment);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Creates an account through the store, as another process would (the server sees it at once).</summary>
    public async Task CreateAccountAsync(string name, string password = Password)
    {
        await using var store = await PosternCore.OpenStoreAsync(Data, NullLoggerFactory.Instance, CancellationToken.None);
        var (accounts, _, _) = Services(store);
        var provisioning = new AccountProvisioning(accounts, new MailboxService(store, new MailboxAccess(store, accounts)));
        if (await accounts.FindAsync(AccountName.Parse(name), CancellationToken.None) is null)
            await provisioning.CreateAccountAsync(AccountName.Parse(name), password, "", CancellationToken.None);
    }

    /// <summary>Posts an alert to an account through the store; the server notices it through the change feed.</summary>
    public async Task PostAlertAsync(string account, string text)
    {
        await using var store = await PosternCore.OpenStoreAsync(Data, NullLoggerFactory.Instance, CancellationToken.None);
        var (accounts, _, _) = Services(store);
        var record = await accounts.GetAsync(AccountName.Parse(account), CancellationToken.None);
        await new AlertService(store, TimeProvider.System).PostAsync(record, text, CancellationToken.None);
    }

    /// <summary>Changes a domain setting through the store.</summary>
    public async Task SetDomainSettingAsync(string domain, string key, string value)
    {
        await using var store = await PosternCore.OpenStoreAsync(Data, NullLoggerFactory.Instance, CancellationToken.None);
        var (_, domains, _) = Services(store);
        var record = await domains.GetAsync(domain, CancellationToken.None);
        var settings = DomainService.GetSettings(record);
        settings[key] = value;
        await domains.SetSettingsAsync(record, settings, CancellationToken.None);
    }

    private static (AccountService, DomainService, PasswordOptions) Services(IStore store)
    {
        var passwords = new PasswordOptions { Pbkdf2Iterations = 1000 };
        var domains = new DomainService(store);
        return (new AccountService(store, domains, new PasswordHasher(passwords), passwords), domains, passwords);
    }
}
