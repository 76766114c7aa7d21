using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Postern.Server.Configuration;
using Postern.Sessions;

namespace Postern.Server.Hosting.Sessions;

/// <summary>
/// The session registry XIMSS and WebUser share (configuration section <c>Postern:Sessions</c>), its
/// idle expiry, and the <c>/Session/&lt;id&gt;/…</c> route that hands each request to the module owning
/// the session (modules register a <see cref="SessionRoute"/>).
/// </summary>
public sealed class SessionsModule : IServerModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var limits = new SessionLimits();
        ConfigurationBinding.Bind(configuration.GetSection("Postern:Sessions"), limits, "Postern:Sessions");
        services.AddSingleton(limits);
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<SessionRouter>();
        services.AddHostedService<SessionExpiryService>();
    }

    public void MapEndpoints(WebApplication app)
    {
        var router = app.Services.GetRequiredService<SessionRouter>();
        app.Map("/Session/{id}", (HttpContext context, string id) => router.HandleAsync(context, id, null));
        app.Map("/Session/{id}/{**resource}", (HttpContext context, string id, string? resource) => router.HandleAsync(context, id, resource));
    }
}
