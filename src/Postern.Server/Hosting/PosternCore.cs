using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Accounts.Security;
using Postern.Mail;
using Postern.Server.Configuration;
using Postern.Storage;
using Postern.Storage.Sqlite;

namespace Postern.Server.Hosting;

/// <summary>The store and the domain services, composed once for the server and for every CLI verb.</summary>
public static class PosternCore
{
    /// <summary>Opens the embedded store in the data directory (creating it on first use).</summary>
    public static async Task<IStore> OpenStoreAsync(string dataDirectory, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = dataDirectory }, loggerFactory, cancellationToken);

    /// <summary>Registers the store and the services over it as singletons.</summary>
    public static IServiceCollection AddPosternCore(this IServiceCollection services, IConfiguration configuration, IStore store)
    {
        var passwords = new PasswordOptions();
        configuration.GetSection("Postern:Passwords").Bind(passwords);
        var security = new AccountSecurityOptions();
        ConfigurationBinding.Bind(configuration.GetSection("Postern:Accounts"), security, "Postern:Accounts");

        services.AddSingleton(store);
        services.AddSingleton(passwords);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(security);
        services.AddPosternMail();
        return services;
    }
}
