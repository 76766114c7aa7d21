using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Mail;
using Postern.Server.Configuration;
using Postern.Server.Logging;
using Postern.Storage;

namespace Postern.Server.Hosting;

/// <summary><c>postern serve</c>: one Kestrel host with every listener, over one locked data directory.</summary>
/// <remarks>
/// Start-up order: lock the data directory, open the store, create the main domain and postmaster on
/// first start, bind the listeners, print the ready line. Shutdown (Ctrl-C, SIGTERM) runs it
/// backwards: stop accepting, stop the change notifier, let in-flight appends finish, close the
/// store, release the lock.
/// </remarks>
public static class ServerHost
{
    public static async Task<int> RunAsync(IConfigurationRoot configuration, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = ServerOptions.FromConfiguration(configuration);
        var logging = LoggingOptions.FromConfiguration(configuration.GetSection("Postern:Logging"));
        var modules = ServerModules.All;
        var bindHttp = !options.HttpPort.IsDisabled;
        var bindXimss = !options.XimssPort.IsDisabled && modules.Any(m => m.ServesListener(ListenerKind.Ximss));
        var bindXimssTls = !options.XimssTlsPort.IsDisabled && modules.Any(m => m.ServesListener(ListenerKind.XimssTls));
        if (!bindHttp && !bindXimss && !bindXimssTls)
        {
            await error.WriteLineAsync("postern: no listener is enabled (the HTTP port is 0 and no XIMSS listener can be bound); nothing to serve");
            return ExitCodes.Failure;
        }

        using var dataLock = DataDirectoryLock.TryAcquire(options.DataDirectory, out var holder);
        if (dataLock is null)
        {
            var who = holder is { } pid ? $" (process {pid})" : "";
            await error.WriteLineAsync($"postern: the data directory {options.DataDirectory} is in use by another postern serve{who}");
            return ExitCodes.Failure;
        }

        var logDirectory = logging.Directory.Length == 0 ? null : Path.Combine(options.DataDirectory, logging.Directory);
        await using var loggerProvider = new PosternLoggerProvider(logging, output, logDirectory);
        var listeners = new List<(ListenerKind Kind, ListenOptions Options)>();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(loggerProvider)
            // The generic host's "Now listening on…" and "Press Ctrl+C…": the ready line says it once, with every listener.
            .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning)
            // Request lines carry what must never reach a log: passwords in /ximsslogin/ query strings and
            // session ids in /Session/<id>/ paths (docs/operations.md, "Logs").
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning);
        // Kestrel runs this when it starts; the ListenOptions it fills in then hold the bound ports.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (bindHttp)
                Listen(kestrel, options, options.HttpPort, ListenerKind.Http, modules, listeners);
            if (bindXimss)
                Listen(kestrel, options, options.XimssPort, ListenerKind.Ximss, modules, listeners);
            if (bindXimssTls)
                Listen(kestrel, options, options.XimssTlsPort, ListenerKind.XimssTls, modules, listeners);
        });

        using var startupLogging = LoggerFactoryOf(loggerProvider);
        await using var store = await PosternCore.OpenStoreAsync(options.DataDirectory, startupLogging, cancellationToken);
        builder.Services.AddPosternCore(configuration, store);
        builder.Services.AddHostedService<ChangeNotifierService>();
        foreach (var module in modules)
            module.ConfigureServices(builder.Services, configuration);

        await using var app = builder.Build();
        foreach (var module in modules)
            module.MapEndpoints(app);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogTags.Server);

        var created = await FirstStart.EnsureAsync(
            app.Services.GetRequiredService<DomainService>(), app.Services.GetRequiredService<AccountService>(),
            app.Services.GetRequiredService<AccountProvisioning>(), options, cancellationToken);
        if (created is not null)
            await ReportFirstStartAsync(created, output, log);

        await app.StartAsync(cancellationToken);
        var ready = ReadyLine(listeners);
        using var runtime = RuntimeInfo.Write(options.DataDirectory, listeners.Select(l => (Describe(l.Kind), BoundEndPoint(l.Options))));
        log.LogInformation("{Ready} (data directory {Data})", ready, options.DataDirectory);
        await output.WriteLineAsync("postern: " + ready);
        await output.FlushAsync(cancellationToken);

        await app.WaitForShutdownAsync(cancellationToken);
        log.LogInformation("stopped");
        return ExitCodes.Success;
    }

    private static void Listen(
        KestrelServerOptions kestrel, ServerOptions options, ListenerPort port, ListenerKind kind,
        IReadOnlyList<IServerModule> modules, List<(ListenerKind, ListenOptions)> listeners)
    {
        void Configure(ListenOptions listenOptions)
        {
            listeners.Add((kind, listenOptions));
            foreach (var module in modules)
                module.ConfigureListener(kind, listenOptions);
        }

        if (options.BindAddress is null)
            kestrel.ListenAnyIP(port.BindPort, Configure);
        else
            kestrel.Listen(options.BindAddress, port.BindPort, Configure);
    }

    /// <summary>"ready — HTTP on 127.0.0.1:8100, XIMSS on 127.0.0.1:11024", with the ports actually bound.</summary>
    private static string ReadyLine(List<(ListenerKind Kind, ListenOptions Options)> listeners) =>
        "ready — " + string.Join(", ", listeners.Select(l => $"{Describe(l.Kind)} on {BoundEndPoint(l.Options)}"));

    private static string Describe(ListenerKind kind) => kind switch
    {
        ListenerKind.Http => "HTTP",
        ListenerKind.XimssTls => "XIMSS TLS",
        _ => "XIMSS",
    };

    private static EndPoint BoundEndPoint(ListenOptions listenOptions) => listenOptions.IPEndPoint ?? listenOptions.EndPoint;

    private static async Task ReportFirstStartAsync(FirstStartResult created, TextWriter output, ILogger log)
    {
        log.LogInformation("first start: created domain {Domain} and account {Account}", created.Domain, created.Postmaster);
        await output.WriteLineAsync($"postern: first start: created domain {created.Domain} and account {created.Postmaster}");
        // Printed, never logged: the log file outlives the terminal.
        await output.WriteLineAsync(created.GeneratedPassword is { } password
            ? $"postern: postmaster password: {password} (shown once; change it with: postern account passwd {created.Postmaster})"
            : "postern: postmaster password taken from the configuration (Postern:PostmasterPassword)");
    }

    /// <summary>A factory over the server's provider for what runs before the host exists (opening the store).</summary>
    private static ILoggerFactory LoggerFactoryOf(PosternLoggerProvider provider)
    {
        var factory = new LoggerFactory();
        factory.AddProvider(new NonDisposingProvider(provider));
        return factory;
    }

    /// <summary>Shares the provider with a second factory without letting that factory dispose it.</summary>
    private sealed class NonDisposingProvider(ILoggerProvider inner) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}

/// <summary>What the <c>postern</c> process returns.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The request was understood but failed (unknown account, data directory in use…).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT, the shell convention).</summary>
    public const int Cancelled = 130;
}
