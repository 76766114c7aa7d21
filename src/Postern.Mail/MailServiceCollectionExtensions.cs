using Microsoft.Extensions.DependencyInjection;
using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Accounts.Preferences;
using Postern.Accounts.Security;
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

namespace Postern.Mail;

/// <summary>The account and mail services, registered in one place for the server, the CLI and test hosts.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the account services (with one login protection for every protocol: failures over XIMSS and
    /// WebUser count together) and the mail services as singletons. The caller registers the store
    /// (<c>IStore</c>), <see cref="PasswordOptions"/>, <see cref="AccountSecurityOptions"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddPosternMail(this IServiceCollection services)
    {
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<DomainService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<Authenticator>();
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
