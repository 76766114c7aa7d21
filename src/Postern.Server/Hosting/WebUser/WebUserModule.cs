using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Postern.Server.Configuration;
using Postern.Server.Hosting.Sessions;
using Postern.Sessions;
using Postern.Skins;
using Postern.WebUser;
using Postern.WebUser.Rendering;
using Postern.WebUser.Sessions;

namespace Postern.Server.Hosting.WebUser;

/// <summary>
/// The WebUser interface on the HTTP port: WebUser sessions under <c>/Session/&lt;id&gt;/…</c> (through the
/// shared <see cref="SessionRouter"/>), and every path no other module claims (login, stateless pages,
/// <c>/SkinFiles/</c>, skin files).
/// </summary>
/// <remarks>
/// Configuration section <c>Postern:WebUser</c> (<see cref="WebUserOptions"/>); the stock skins come from
/// <c>Postern:WebUser:StockSkins</c>, else <c>$POSTERN_STOCK_SKINS</c>, else <c>Skins/</c> beside the executable.
/// </remarks>
public sealed class WebUserModule : IServerModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var options = new WebUserOptions();
        ConfigurationBinding.Bind(configuration.GetSection("Postern:WebUser"), options, "Postern:WebUser");
        var stock = options.StockSkins ?? Environment.GetEnvironmentVariable("POSTERN_STOCK_SKINS") ?? WebUserServiceCollectionExtensions.StockSkinsDirectory;
        if (!Directory.Exists(stock))
            throw new ConfigurationException($"the stock skins directory {stock} does not exist");
        var dataDirectory = ServerOptions.FromConfiguration(configuration).DataDirectory;

        try
        {
            // Read now, so that a bad trusted-certificates folder stops the start instead of the first signed message.
            services.TryAddSingleton(new SmimeTrust(options));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new ConfigurationException("Postern:WebUser:SmimeTrustedCertificates: " + e.Message);
        }
        services.TryAddSingleton(new SkinCatalog(new SkinOptions { DataDirectory = dataDirectory, StockSkins = new DirectorySkinSource(stock) }));
        services.AddPosternWebUser(options);
        services.AddSingleton(new SessionRoute(SessionKind.WebUser, (context, session, resource) =>
            context.RequestServices.GetRequiredService<WebUserHost>().HandleSessionAsync(context, (WebUserSession)session, resource)));
        // A browser asking a page of a session that is gone (or bound to another address) gets disconnected.wssp.
        services.AddSingleton(new SessionGoneRoute((context, resource) =>
            context.RequestServices.GetRequiredService<WebUserHost>().TryHandleDisconnectedAsync(context, resource)));
    }

    public void MapEndpoints(WebApplication app)
    {
        var host = app.Services.GetRequiredService<WebUserHost>();
        app.MapFallback("/{**path}", host.HandleStatelessAsync);
    }
}
