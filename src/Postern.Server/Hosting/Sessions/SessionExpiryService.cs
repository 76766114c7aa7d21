using Microsoft.Extensions.Hosting;
using Postern.Sessions;

namespace Postern.Server.Hosting.Sessions;

/// <summary>Ends idle sessions while the server runs, and every session when it begins to stop (so parked polls and XIMSS connections finish).</summary>
internal sealed class SessionExpiryService(SessionRegistry registry, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStopping.Register(() => registry.EndAll(SessionEndReason.Shutdown));
        return registry.RunExpiryAsync(stoppingToken);
    }
}
