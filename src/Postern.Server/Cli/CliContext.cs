using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Data;
using Postern.Mail;
using Postern.Server.Configuration;
using Postern.Server.Hosting;
using Postern.Server.Logging;
using Postern.Storage;
using Postern.Storage.Sqlite;

namespace Postern.Server.Cli;

/// <summary>
/// What a CLI verb works with: the configured data directory's store and the services over it, and
/// the terminal. The server may be running on the same store at the same time.
/// </summary>
internal sealed class CliContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IStore _store;
    private readonly PosternLoggerProvider _logging;

    private CliContext(ServerOptions options, ServiceProvider services, IStore store, PosternLoggerProvider logging)
    {
        Options = options;
        _services = services;
        _store = store;
        _logging = logging;
    }

    public ServerOptions Options { get; }

    public CliOutput Output { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Runs a verb with a context, turning the failures a user can cause into one line and exit code 1.</summary>
    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken, Func<CliContext, Task<int>> verb)
    {
        try
        {
            await using var context = await OpenAsync(parse, cancellationToken);
            return await verb(context);
        }
        catch (Exception e) when (e is AccountsException or MailException or StoreException or ConfigurationException
                                       or DataFormatException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"postern: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("postern: interrupted");
            return ExitCodes.Cancelled;
        }
    }

    private static async Task<CliContext> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var configuration = PosternConfiguration.Build(CommonOptions.Overrides(parse));
        var options = ServerOptions.FromConfiguration(configuration);
        if (!File.Exists(SqliteStore.DatabasePath(new SqliteStoreOptions { DataDirectory = options.DataDirectory })))
            throw new ConfigurationException($"{options.DataDirectory} holds no Postern data; run `postern serve --data {options.DataDirectory}` once to create it");

        // Verbs print their own results; records (store warnings, failures) go to standard error.
        var logging = new PosternLoggerProvider(
            LoggingOptions.FromConfiguration(configuration.GetSection("Postern:Logging")), Console.Error, fileDirectory: null);
        var loggerFactory = LoggerFactory.Create(builder => builder.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logging));
        var store = await PosternCore.OpenStoreAsync(options.DataDirectory, loggerFactory, cancellationToken);
        var services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddLogging()
            .AddPosternCore(configuration, store)
            .BuildServiceProvider();
        return new CliContext(options, services, store, logging);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        await _logging.DisposeAsync();
    }
}
