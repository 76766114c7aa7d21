using Microsoft.Extensions.Hosting;
using Postern.Mail.Changes;

namespace Postern.Server.Hosting;

/// <summary>Runs the change notifier for the server's lifetime.</summary>
internal sealed class ChangeNotifierService(ChangeNotifier notifier) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => notifier.RunAsync(null, stoppingToken);
}
