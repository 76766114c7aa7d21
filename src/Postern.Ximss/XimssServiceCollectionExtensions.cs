using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postern.Sessions;
using Postern.Ximss.Authentication;
using Postern.Ximss.Engine;
using Postern.Ximss.Http;
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
        services.AddSingleton(sp => new XimssHttpLogin(sp.GetRequiredService<XimssDispatcher>(), sp.GetRequiredService<LoginService>(),
            sp.GetRequiredService<Accounts.Authenticator>(), sp.GetRequiredService<Accounts.DomainService>(), sp.GetRequiredService<NonceCache>(),
            sp.GetRequiredService<TimeProvider>()));
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
        return services;
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
