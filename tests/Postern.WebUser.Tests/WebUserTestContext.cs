using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Accounts.Security;
using Postern.Data;
using Postern.Mail;
using Postern.Sessions;
using Postern.Skins;
using Postern.Storage;
using Postern.Storage.Sqlite;
using Postern.Testing;
using Postern.WebUser.Components;
using Postern.WebUser.Http;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Tests;

/// <summary>
/// A store in a temporary directory with every service the WebUser interface needs, the stock skins,
/// and an in-memory HTTP server running the interface. Requests may claim any client address with the
/// <see cref="ClientAddressHeader"/> header (the test server has no real connections).
/// </summary>
internal sealed class WebUserTestContext : IAsyncLifetime
{
    /// <summary>A test-only header that sets the request's client address.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public const string Domain = "example.com";

    public const string Password = "secret-pw";

    private readonly TemporaryDirectory _directory = new();
    private WebApplication? _app;

    public static CancellationToken Ct => CancellationToken.None;

    public IStore Store { get; private set; } = null!;

    /// <summary>The data directory (skins under <c>skins/</c>).</summary>
    public string DataDirectory => _directory.Path;

    public WebUserServices Services { get; private set; } = null!;

    public IServiceProvider Provider => _app!.Services;

    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The login protection's settings; failures are answered at once (the clock is manual), and tests may change the rest before <see cref="InitializeAsync"/>.</summary>
    public AccountSecurityOptions Security { get; } = new() { LoginThrottle = { FailureDelay = TimeSpan.Zero, MaxFailureDelay = TimeSpan.Zero } };

    public async Task InitializeAsync()
    {
        Store = await SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = _directory.Path }, NullLoggerFactory.Instance, Ct);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var passwords = new PasswordOptions { Pbkdf2Iterations = 1000 };
        var services = builder.Services;
        services.AddSingleton(Store);
        services.AddSingleton(passwords);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Security);
        services.AddPosternMail();
        services.AddSingleton(new SessionLimits());
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton(new SkinCatalog(new SkinOptions
        {
            DataDirectory = _directory.Path,
            StockSkins = new DirectorySkinSource(WebUserServiceCollectionExtensions.StockSkinsDirectory),
        }));
        services.AddPosternWebUser(new WebUserOptions());
        _app = builder.Build();
        _app.Use((http, next) =>
        {
            if (http.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            return next(http);
        });
        var host = _app.Services.GetRequiredService<WebUserHost>();
        // What the server's session router does for WebUser sessions: a live session gets its pages, a
        // gone one the disconnected page (or CommuniGate's 550 for what is not a page).
        _app.Map("/Session/{id}/{**resource}", async (HttpContext http, string id, string? resource) =>
        {
            var registry = http.RequestServices.GetRequiredService<SessionRegistry>();
            if (registry.Find(id, http.Connection.RemoteIpAddress ?? IPAddress.None, out var found) == SessionLookup.Found && found is WebUserSession session)
                await host.HandleSessionAsync(http, session, resource ?? "");
            else if (!await host.TryHandleDisconnectedAsync(http, resource ?? ""))
                http.Response.StatusCode = 550;
        });
        _app.MapFallback("/{**path}", host.HandleStatelessAsync);
        await _app.StartAsync(Ct);

        Services = _app.Services.GetRequiredService<WebUserServices>();
        var domains = _app.Services.GetRequiredService<DomainService>();
        await domains.CreateAsync(Domain, Ct);
        await domains.SetMainDomainAsync(Domain, Ct);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        await Store.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>A client of the in-memory server; cookies are kept, redirects are not followed.</summary>
    public HttpClient CreateClient(string clientAddress = "192.0.2.10")
    {
        var client = new HttpClient(new CookieContainerHandler(_app!.GetTestServer().CreateHandler()))
        {
            BaseAddress = new Uri("http://" + Domain + "/"),
        };
        client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress);
        return client;
    }

    public Task<AccountRecord> CreateAccountAsync(string name, string realName = "Test User") =>
        _app!.Services.GetRequiredService<AccountProvisioning>().CreateAccountAsync(AccountName.Parse(name + "@" + Domain), Password, realName, Ct);

    /// <summary>Opens a session for the account as a login from <paramref name="clientAddress"/> would.</summary>
    public async Task<WebUserSession> OpenSessionAsync(AccountRecord account, RequestParameters? loginParameters = null, string clientAddress = "192.0.2.10")
    {
        var starter = _app!.Services.GetRequiredService<SessionStarter>();
        return await starter.StartAsync(account, IPAddress.Parse(clientAddress), ClientKind.Html, loginParameters ?? RequestParameters.Empty, Ct)
            ?? throw new InvalidOperationException("the session registry is full");
    }

    /// <summary>Runs a component in the session the way a page request does (actions allowed) and returns its context.</summary>
    public async Task<ComponentContext> RunAsync(WebUserComponent component, WebUserSession session, params (string Name, string Value)[] parameters)
    {
        await session.RefreshAsync(Services, Ct);
        var context = new ComponentContext(session, Services, Parameters(parameters), Ct);
        await component.ProcessAsync(context);
        return context;
    }

    public static RequestParameters Parameters(params (string Name, string Value)[] parameters) =>
        new(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));

    /// <summary>The dataset's keys, sorted, for comparing key sets.</summary>
    public static string[] KeysOf(DataDictionary dataset) => dataset.Keys.Order(StringComparer.Ordinal).ToArray();

    public static string[] KeysOf(DataValue value) => KeysOf((DataDictionary)value);
}
