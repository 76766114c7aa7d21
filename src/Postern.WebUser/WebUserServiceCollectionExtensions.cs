using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Postern.WebUser.Components;
using Postern.WebUser.Files;
using Postern.WebUser.Rendering;
using Postern.WebUser.Http;
using Postern.WebUser.Mail;
using Postern.WebUser.Sessions;
using Postern.WebUser.Stateless;

namespace Postern.WebUser;

/// <summary>Registers the WebUser interface's services.</summary>
public static class WebUserServiceCollectionExtensions
{
    /// <summary>
    /// Adds the WebUser services. The host must also provide the domain and mail services (with the login
    /// protection, <c>AccountSignup</c> and <c>PasswordRecovery</c>), the store, a
    /// <see cref="Postern.Skins.SkinCatalog"/> whose stock level is <see cref="StockSkinsDirectory"/> (or
    /// another directory with the same pages) and a <see cref="Postern.Sessions.SessionRegistry"/>.
    /// </summary>
    public static IServiceCollection AddPosternWebUser(this IServiceCollection services, WebUserOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<WebUserServices>();
        services.TryAddSingleton<SessionStarter>();
        services.TryAddSingleton<Login>();
        services.TryAddSingleton<RecoveryPassword>();
        services.TryAddSingleton<Signup>();
        services.TryAddSingleton<PageResponder>();
        services.TryAddSingleton<ErrorPages>();
        services.TryAddSingleton<MessagePartResponder>();
        services.TryAddSingleton<WebFileResponder>();
        services.TryAddSingleton<AddressBook>();
        services.TryAddSingleton<MailBodyMarkup>();
        services.TryAddSingleton<SmimeTrust>();
        services.TryAddSingleton<MessageRenderer>();
        services.TryAddSingleton(provider => new ComponentCatalog(StockComponents.Create(provider)));
        services.TryAddSingleton<SessionRequestHandler>();
        services.TryAddSingleton<WebUserHost>();
        return services;
    }

    /// <summary>The stock skins shipped with this assembly: <c>Skins/</c> beside it.</summary>
    public static string StockSkinsDirectory => Path.Combine(AppContext.BaseDirectory, "Skins");
}
