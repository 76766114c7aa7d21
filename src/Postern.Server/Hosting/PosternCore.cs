using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Accounts.Preferences;
using Postern.Accounts.Security;
using Postern.Mail;
using Postern.Mail.Access;
using Postern.Mail.Changes;
using Postern.Mail.Delivery;
using Postern.Mail.Folders;
using Postern.Mail.Mailboxes;
using Postern.Mail.Mbox;
using Postern.Mail.Messages;
using Postern.Mail.Reading;
using Postern.Mail.Search;
using Postern.Mail.SelfService;
using Postern.Mail.Submission;
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
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<DomainService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<Authenticator>();
        // One login protection for every protocol: failures over XIMSS and WebUser count together.
        services.AddSingleton(security);
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SignupRateLimit>();
        services.AddSingleton<RecoveryRateLimit>();
        services.AddSingleton<PasswordResetCodes>();
        services.AddSingleton<PreferencesService>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<MailboxAccess>();
        services.AddSingleton<UserAddresses>();
        services.AddSingleton<MailPreferences>();
        services.AddSingleton<MailboxService>();
        services.AddSingleton<AccountProvisioning>();
        services.AddSingleton<ChangeNotifier>();
        services.AddSingleton<MailNotifications>();
        services.AddSingleton<MessageAppender>();
        services.AddSingleton<MessageSearch>();
        services.AddSingleton<FolderService>();
        services.AddSingleton<MessageOperations>();
        services.AddSingleton<MessageReader>();
        services.AddSingleton<RecipientResolver>();
        services.AddSingleton<LocalDelivery>();
        services.AddSingleton<MessageSubmission>();
        services.AddSingleton<AccountSignup>();
        services.AddSingleton<PasswordRecovery>();
        services.AddSingleton<MboxImporter>();
        services.AddSingleton<MboxExporter>();
        return services;
    }
}
