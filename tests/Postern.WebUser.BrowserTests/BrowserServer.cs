using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Postern.Accounts;
using Postern.Mail;
using Postern.Mail.Changes;
using Postern.Server.Hosting;
using Postern.Storage;
using Postern.Testing;

namespace Postern.WebUser.BrowserTests;

/// <summary>
/// The Postern server modules on a real loopback port (IPv4 and IPv6 loopback, so a test can come back
/// from "another address"), a store in a temporary directory, and one headless Chromium shared by the
/// tests of a class.
/// </summary>
/// <remarks>Chromium is Debian's (<c>/usr/bin/chromium</c>); Playwright's own browser download is never used.</remarks>
public sealed class BrowserServer : IAsyncLifetime
{
    public const string Domain = "example.com";

    public const string Password = "browser-pw";

    private readonly TemporaryDirectory _directory = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private Task? _notifier;

    public IStore Store { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public IBrowser Browser { get; private set; } = null!;

    public int Port { get; private set; }

    /// <summary>The server's address over IPv4 loopback.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The same server over IPv6 loopback: requests from here come from another client address.</summary>
    public string OtherAddressBaseUrl => $"http://[::1]:{Port}";

    public async Task InitializeAsync()
    {
        Port = FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Postern:Data"] = _directory.Path,
            ["Postern:Passwords:Pbkdf2Iterations"] = "1000",
        }).Build();
        Store = await PosternCore.OpenStoreAsync(_directory.Path, NullLoggerFactory.Instance, CancellationToken.None);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var address in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
            {
                kestrel.Listen(address, Port, listen =>
                {
                    foreach (var module in ServerModules.All)
                        module.ConfigureListener(ListenerKind.Http, listen);
                });
            }
        });
        builder.Services.AddPosternCore(configuration, Store);
        foreach (var module in ServerModules.All)
            module.ConfigureServices(builder.Services, configuration);
        _app = builder.Build();
        foreach (var module in ServerModules.All)
            module.MapEndpoints(_app);
        await _app.StartAsync();
        _notifier = Services.GetRequiredService<ChangeNotifier>().RunAsync(null, _stopping.Token);

        var domains = Services.GetRequiredService<DomainService>();
        await domains.CreateAsync(Domain, CancellationToken.None);
        await domains.SetMainDomainAsync(Domain, CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _stopping.CancelAsync();
        if (_notifier is not null)
            await _notifier;
        if (_app is not null)
            await _app.DisposeAsync();
        await Store.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Appends a message to a mailbox of the account.</summary>
    public async Task AppendAsync(AccountRecord account, string mailbox, byte[] message, DateTimeOffset? received = null, Storage.MessageFlags flags = Storage.MessageFlags.None)
    {
        var box = await Services.GetRequiredService<Postern.Mail.Mailboxes.MailboxService>().GetAsync(account, mailbox, CancellationToken.None);
        await Services.GetRequiredService<Postern.Mail.Messages.MessageAppender>().AppendAsync(box, message, flags, [], received, CancellationToken.None);
    }

    /// <summary>Logs in through the login form and waits for the start page.</summary>
    public async Task<IPage> LogInAsync(string user, string password = Password, string? skin = null)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        if (skin is not null)
            await page.SelectOptionAsync("#SessionSkin", skin);
        await page.ClickAsync("button[type=submit]");
        try
        {
            // Asked of the page itself: on a loaded machine Chromium now and then reports no lifecycle event for
            // the page the login's redirect lands on (it is there, nothing pending), so URL and load-state
            // waits time out.
            await page.WaitForFunctionAsync("() => location.pathname.startsWith('/Session/') && document.readyState === 'complete'",
                null, new PageWaitForFunctionOptions { PollingInterval = 100 });
        }
        catch (TimeoutException e)
        {
            // Say where the browser stayed: a login page with an error code explains more than a timeout.
            var text = await page.InnerTextAsync("body");
            throw new TimeoutException($"logging in as {user} did not reach a session; the browser is at {page.Url}: {text[..Math.Min(text.Length, 300)]}", e);
        }
        return page;
    }

    public Task<AccountRecord> CreateAccountAsync(string name, string realName) =>
        Services.GetRequiredService<AccountProvisioning>().CreateAccountAsync(AccountName.Parse(name + "@" + Domain), Password, realName, CancellationToken.None);

    /// <summary>A new browser context (its own cookies) with a page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        // Generous: CI runs the browser beside other test projects on two cores.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
        socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
