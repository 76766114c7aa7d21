using Microsoft.Extensions.Hosting;
using Postern.Sessions;

namespace Postern.Server.Hosting;

/// <summary>Ends idle sessions while the server runs, and every session when it stops.</summary>
internal sealed class SessionExpiryService(SessionRegistry sessions) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sessions.RunExpiryAsync(stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        sessions.EndAll(SessionEndReason.Shutdown);
    }
}
