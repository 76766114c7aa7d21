using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postern.Sessions;
using Postern.Ximss.Authentication;
using Postern.Ximss.Engine;
using Postern.Ximss.Http;
using Postern.Ximss.Mail;
using Postern.Ximss.Monitoring;
using Postern.Ximss.Operations;
using Postern.Ximss.Sessions;
using Postern.Ximss.Tcp;

namespace Postern.Ximss;

/// <summary>Registers the XIMSS module's services.</summary>
public static class XimssServiceCollectionExtensions
{
    /// <summary>
    /// Adds the XIMSS engine, both transports, the monitor and the session operations. Needs the domain
    /// services (with the shared login protection of <c>Postern.Accounts.Security</c>), a <see cref="SessionRegistry"/>, a <see cref="ServerCertificate"/> and a
    /// <see cref="TimeProvider"/> registered beside it.
    /// </summary>
    public static IServiceCollection AddXimss(this IServiceCollection services, XimssOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ServerName.Length == 0)
            options.ServerName = System.Net.Dns.GetHostName();

        services.AddSingleton(options);
        services.AddSingleton(sp => new NonceCache(options.Limits.MaxNonces, options.Limits.NonceLifetime, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<XimssMetrics>();
        services.AddSingleton<XimssChannelRegistry>();
        services.AddSingleton<XimssMonitor>();
        services.AddSingleton<AlertDelivery>();
        services.AddSingleton<LoginService>();
        services.AddSingleton<SaslLogin>();
        services.AddSingleton(sp => new XimssOperationTable(sp.GetServices<XimssOperationHandler>()));
        services.AddSingleton<XimssDispatcher>();

        services.AddSingleton<ChannelAdmission>();
        services.AddSingleton(sp => new XimssConnectionServices(sp.GetRequiredService<XimssDispatcher>(), options, sp.GetRequiredService<SessionRegistry>(),
            sp.GetRequiredService<ServerCertificate>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new XimssConnectionHandler(sp.GetRequiredService<XimssConnectionServices>(), sp.GetRequiredService<ChannelAdmission>(),
            sp.GetRequiredService<XimssChannelRegistry>(), sp.GetRequiredService<XimssMetrics>()));
        services.AddSingleton(sp => new XimssFirstByteMiddleware(sp.GetRequiredService<XimssConnectionHandler>().OnConnectedAsync,
            options.Limits.FirstByteTimeout, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SessionHandoff>();
        services.AddSingleton(sp => new XimssHttpLogin(sp.GetRequiredService<XimssDispatcher>(), sp.GetRequiredService<LoginService>(),
            sp.GetRequiredService<Accounts.Authenticator>(), sp.GetRequiredService<Accounts.DomainService>(), sp.GetRequiredService<NonceCache>(),
            sp.GetRequiredService<SessionHandoff>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new XimssSessionEndpoint(sp.GetRequiredService<XimssDispatcher>(), sp.GetRequiredService<SessionRegistry>(), options,
            sp.GetRequiredService<TimeProvider>(), sp.GetServices<IXimssSessionResource>(), sp.GetRequiredService<ILoggerFactory>()));

        // The operations of this module: pre-login and session (docs/ximss.md §5.1, §5.2).
        services.AddXimssOperation<ListFeatures>();
        services.AddXimssOperation<StartTls>();
        services.AddXimssOperation<Login>();
        services.AddXimssOperation<Authenticate>();
        services.AddXimssOperation<Auth>();
        services.AddXimssOperation<Signup>();
        services.AddXimssOperation<RecoverPassword>();
        services.AddXimssOperation<Noop>();
        services.AddXimssOperation<Bye>();
        services.AddXimssOperation<ReadTime>();
        services.AddXimssOperation<SetSessionOption>();
        services.AddXimssOperation<SetClientName>();
        services.AddXimssOperation<ListKnownValues>();
        services.AddXimssOperation<PrefsRead>();
        services.AddXimssOperation<PrefsStore>();
        services.AddXimssOperation<PasswordModify>();
        AddMail(services);
        return services;
    }

    /// <summary>
    /// The mail operations (docs/ximss.md §5.3–§5.6), the sessions' mail state and change notifications,
    /// and the <c>MIME</c> and <c>UPLOAD</c> session resources. Needs the mail services of <c>Postern.Mail</c>.
    /// </summary>
    private static void AddMail(IServiceCollection services)
    {
        services.AddSingleton<MailSessions>();
        services.AddSingleton<EmailReferences>();
        services.AddSingleton<UploadBudget>();
        services.AddXimssSessionResource<MimeResource>();
        services.AddXimssSessionResource<UploadResource>();

        services.AddXimssOperation<MailboxList>();
        services.AddXimssOperation<MailboxCreate>();
        services.AddXimssOperation<MailboxRename>();
        services.AddXimssOperation<MailboxRemove>();
        services.AddXimssOperation<MailboxSubList>();
        services.AddXimssOperation<MailboxSubUpdate>();
        services.AddXimssOperation<MailboxRightsGet>();
        services.AddXimssOperation<MailboxAclList>();
        services.AddXimssOperation<MailboxAclUpdate>();
        services.AddXimssOperation<MailboxAliasList>();
        services.AddXimssOperation<MailboxAliasUpdate>();

        services.AddXimssOperation<FolderOpen>();
        services.AddXimssOperation<FolderReopen>();
        services.AddXimssOperation<FolderClose>();
        services.AddXimssOperation<FolderBrowse>();
        services.AddXimssOperation<FolderSync>();
        services.AddXimssOperation<FolderRead>();
        services.AddXimssOperation<FolderSearch>();
        services.AddXimssOperation<FolderExpunge>();

        services.AddXimssOperation<MessageMark>();
        services.AddXimssOperation<MessageRemove>();
        services.AddXimssOperation<MessageCopy>();
        services.AddXimssOperation<MessageMove>();
        services.AddXimssOperation<MessageAppend>();
        services.AddXimssOperation<MessageSubmit>();
        services.AddXimssOperation<MessageRedirect>();
        services.AddXimssOperation<MessageForward>();
    }

    /// <summary>Registers the handler of one operation (one per request type; the dispatcher finds it by type).</summary>
    public static IServiceCollection AddXimssOperation<THandler>(this IServiceCollection services)
        where THandler : XimssOperationHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<XimssOperationHandler, THandler>());
        return services;
    }

    /// <summary>Registers a resource under <c>/Session/&lt;id&gt;/</c> of XIMSS sessions (e.g. <c>MIME</c>).</summary>
    public static IServiceCollection AddXimssSessionResource<TResource>(this IServiceCollection services)
        where TResource : class, IXimssSessionResource
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IXimssSessionResource, TResource>());
        return services;
    }
}
