using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Accounts.Security;
using Postern.Mail;
using Postern.Mail.Changes;
using Postern.Sessions;
using Postern.Storage;
using Postern.Storage.Sqlite;
using Postern.Testing;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol.Xml;
using Postern.Ximss.Sessions;
using Postern.Ximss.Tcp;

namespace Postern.Ximss.Tests.Support;

/// <summary>
/// The XIMSS engine over a fresh store (domain <c>example.com</c>, account <c>alice@example.com</c> with
/// password <c>secret</c>), driven request by request without a network.
/// </summary>
internal sealed partial class XimssHarness : IAsyncDisposable
{
    public const string Password = "secret";

    private readonly TemporaryDirectory _directory;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _notifier;

    private XimssHarness(TemporaryDirectory directory, ServiceProvider services, IStore store)
    {
        _directory = directory;
        Services = services;
        Store = store;
        _notifier = services.GetRequiredService<ChangeNotifier>().RunAsync(null, _stop.Token);
    }

    public ServiceProvider Services { get; }

    public IStore Store { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// A harness; <paramref name="configure"/> adjusts the options and <paramref name="security"/> the login
    /// protection (failure delays are off unless it turns them on).
    /// </summary>
    public static async Task<XimssHarness> CreateAsync(Action<XimssOptions>? configure = null, Action<IServiceCollection>? services = null,
        Action<AccountSecurityOptions>? security = null)
    {
        var directory = new TemporaryDirectory();
        var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = directory.Path }, NullLoggerFactory.Instance, CancellationToken.None);
        var options = new XimssOptions { ServerName = "mail.example.com" };
        configure?.Invoke(options);
        var securityOptions = new AccountSecurityOptions();
        securityOptions.LoginThrottle.FailureDelay = TimeSpan.Zero;
        securityOptions.LoginThrottle.MaxFailureDelay = TimeSpan.Zero;
        security?.Invoke(securityOptions);

        var collection = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<IStore>(store)
            .AddSingleton(new PasswordOptions { Pbkdf2Iterations = 1000 })
            .AddSingleton(TimeProvider.System)
            .AddSingleton(securityOptions)
            .AddPosternMail()
            .AddSingleton(new SessionLimits())
            .AddSingleton<SessionRegistry>()
            .AddSingleton(new ServerCertificate(null))
            .AddSingleton<IHostApplicationLifetime, StoppedNeverLifetime>()
            .AddXimss(options);
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();

        var domains = provider.GetRequiredService<DomainService>();
        await domains.CreateAsync("example.com", CancellationToken.None);
        await domains.SetMainDomainAsync("example.com", CancellationToken.None);
        await provider.GetRequiredService<AccountProvisioning>().CreateAccountAsync(AccountName.Parse("alice@example.com"), Password, "Alice Example", CancellationToken.None);
        return new XimssHarness(directory, provider, store);
    }

    /// <summary>A TCP channel from <paramref name="address"/> whose asynchronous messages are recorded.</summary>
    public (XimssChannel Channel, RecordingSink Sink) TcpChannel(string address = "192.0.2.1", bool canStartTls = false)
    {
        var sink = new RecordingSink();
        var channel = new XimssChannel(XimssTransport.Tcp, IPAddress.Parse(address), DateTimeOffset.UtcNow, 1) { AsyncSink = sink, CanStartTls = canStartTls };
        return (channel, sink);
    }

    /// <summary>An HTTP channel (one request's worth) from <paramref name="address"/>.</summary>
    public XimssChannel HttpChannel(string address = "192.0.2.1") => new(XimssTransport.Http, IPAddress.Parse(address), DateTimeOffset.UtcNow);

    /// <summary>Runs one request (in the session's queue when logged in) and returns the messages written, one string each.</summary>
    public async Task<IReadOnlyList<string>> SendAsync(XimssChannel channel, string xml)
    {
        Assert.True(XimssXmlParser.TryParse(Encoding.UTF8.GetBytes(xml), out var element, out var error), error?.Text);
        using var output = new XimssOutput(terminateMessages: true);
        var dispatcher = Get<XimssDispatcher>();
        if (channel.Session is { } session)
            await session.Requests.RunAsync(() => dispatcher.ExecuteAsync(channel, element, output, CancellationToken.None));
        else
            await dispatcher.ExecuteAsync(channel, element, output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.Written.Span).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Logs a channel in as alice and returns the session.</summary>
    public async Task<XimssSession> LoginAsync(XimssChannel channel, string user = "alice@example.com", string password = Password)
    {
        var reply = await SendAsync(channel, $"<login id=\"L\" authData=\"{user}\" password=\"{password}\"/>");
        Assert.Equal("<response id=\"L\"/>", reply[^1]);
        return channel.Session!;
    }

    public Task<AccountRecord> AliceAsync() => Get<AccountService>().GetAsync(AccountName.Parse("alice@example.com"), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _notifier;
        await Services.DisposeAsync();
        await Store.DisposeAsync();
        _directory.Dispose();
    }

    private sealed class StoppedNeverLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}

/// <summary>Harness set-up helpers.</summary>
internal static class HarnessServices
{
    /// <summary>Takes a registered operation handler out again (to stand in for an operation the server does not implement).</summary>
    public static IServiceCollection WithoutHandler<THandler>(this IServiceCollection services)
        where THandler : XimssOperationHandler
    {
        services.Remove(services.Single(d => d.ImplementationType == typeof(THandler)));
        return services;
    }
}
