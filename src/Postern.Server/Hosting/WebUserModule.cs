using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Postern.Server.Configuration;
using Postern.Sessions;
using Postern.Skins;
using Postern.WebUser;

namespace Postern.Server.Hosting;

/// <summary>
/// The WebUser interface on the HTTP port: <c>/Session/&lt;id&gt;/…</c> for WebUser sessions, and every other
/// path not claimed by another module (login, stateless pages, <c>/SkinFiles/</c>, skin files).
/// </summary>
/// <remarks>
/// Configuration section <c>Postern:WebUser</c> (<see cref="WebUserOptions"/>); the stock skins come from
/// <c>Postern:WebUser:StockSkins</c>, else <c>$POSTERN_STOCK_SKINS</c>, else <c>Skins/</c> beside the executable.
/// </remarks>
public sealed class WebUserModule : IServerModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var server = ServerOptions.FromConfiguration(configuration);
        var section = configuration.GetSection("Postern:WebUser");
        var options = new WebUserOptions();
        section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = false);
        if (section.GetSection("PublicInfoAttributes").Get<string[]>() is { Length: > 0 } attributes)
            options.PublicInfoAttributes = attributes;
        var stock = section["StockSkins"] ?? Environment.GetEnvironmentVariable("POSTERN_STOCK_SKINS") ?? WebUserServiceCollectionExtensions.StockSkinsDirectory;
        if (!Directory.Exists(stock))
            throw new ConfigurationException($"the stock skins directory {stock} does not exist");

        services.TryAddSingleton(new SessionLimits());
        services.TryAddSingleton<SessionRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SessionExpiryService>());
        services.TryAddSingleton(new SkinCatalog(new SkinOptions { DataDirectory = server.DataDirectory, StockSkins = new DirectorySkinSource(stock) }));
        services.AddPosternWebUser(options);
    }

    public void MapEndpoints(WebApplication app)
    {
        var host = app.Services.GetRequiredService<WebUserHost>();
        string[] methods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];
        // The session dispatcher shared with XIMSS replaces this route when it is in place: it finds the
        // session and hands WebUser sessions to WebUserHost.HandleSessionAsync.
        app.MapMethods(WebUserHost.SessionPrefix + "{**resource}", methods, host.HandleSessionPathAsync);
        app.MapFallback("/{**path}", host.HandleStatelessAsync);
    }
}
