using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Postern.Mail.Changes;
using Postern.Storage;

namespace Postern.Server.Hosting;

/// <summary>Runs the change notifier for the server's lifetime, and keeps the change feed short.</summary>
/// <remarks>
/// The feed only wakes live sessions; a client that was away catches up from modification
/// sequences, not from the feed. A day of entries covers any notifier that fell behind.
/// </remarks>
internal sealed class ChangeNotifierService(ChangeNotifier notifier, IStore store, ILogger<ChangeNotifierService> logger) : BackgroundService
{
    private static readonly TimeSpan s_retention = TimeSpan.FromDays(1);
    private static readonly TimeSpan s_pruneInterval = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(notifier.RunAsync(null, stoppingToken), PruneAsync(stoppingToken));

    private async Task PruneAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_pruneInterval);
        try
        {
            do
            {
                try
                {
                    var pruned = await store.Changes.PruneAsync(DateTimeOffset.UtcNow - s_retention, stoppingToken);
                    if (pruned > 0)
                        logger.LogDebug("pruned {Count} change feed entries older than {Retention}", pruned, s_retention);
                }
                catch (StoreException e)
                {
                    logger.LogWarning(e, "pruning the change feed failed; trying again in {Interval}", s_pruneInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
