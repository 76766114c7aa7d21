using Microsoft.Extensions.Logging;
using Postern.Storage;

namespace Postern.Mail.Changes;

/// <summary>
/// Tells the sessions of this process what changed in the store, whoever changed it (this process,
/// the CLI, another node): one loop follows the store's change feed and calls the subscribers of
/// each change's account.
/// </summary>
/// <remarks>
/// Handlers run on the notifier's loop and must return quickly: a session records that a mailbox
/// changed (XIMSS then sends <c>folderReport mode="notify"</c>) and does the work on its own time.
/// </remarks>
public sealed class ChangeNotifier(IStore store, ILogger<ChangeNotifier> logger)
{
    /// <summary>Entries read per round: enough to drain a burst, small enough to keep a round short.</summary>
    private const int BatchSize = 500;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, List<Action<StoreChange>>> _byAccount = [];
    private readonly List<Action<StoreChange>> _everything = [];

    /// <summary>Calls <paramref name="handler"/> for every change to the account until the returned object is disposed.</summary>
    public IDisposable Subscribe(long accountId, Action<StoreChange> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            if (!_byAccount.TryGetValue(accountId, out var handlers))
                _byAccount[accountId] = handlers = [];
            handlers.Add(handler);
        }
        return new Subscription(() =>
        {
            lock (_gate)
            {
                if (_byAccount.TryGetValue(accountId, out var handlers) && handlers.Remove(handler) && handlers.Count == 0)
                    _byAccount.Remove(accountId);
            }
        });
    }

    /// <summary>Calls <paramref name="handler"/> for every change to any account until the returned object is disposed.</summary>
    public IDisposable SubscribeAll(Action<StoreChange> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
            _everything.Add(handler);
        return new Subscription(() =>
        {
            lock (_gate)
                _everything.Remove(handler);
        });
    }

    /// <summary>Follows the change feed until cancelled, from after <paramref name="afterSequence"/> or else from its current end.</summary>
    public async Task RunAsync(long? afterSequence, CancellationToken cancellationToken)
    {
        var seen = afterSequence ?? await store.Changes.GetLatestSequenceAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await store.Changes.WaitAsync(seen, cancellationToken);
                IReadOnlyList<StoreChange> changes;
                do
                {
                    changes = await store.Changes.ReadAsync(seen, BatchSize, cancellationToken);
                    foreach (var change in changes)
                    {
                        Dispatch(change);
                        seen = change.Sequence;
                    }
                }
                while (changes.Count == BatchSize);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The boundary of this background job: whatever the store throws (its own errors, a driver's),
                // log, pause, and keep following the feed; a dead loop would silence every session's notifications.
                logger.LogError(e, "reading the change feed failed");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Dispatch(StoreChange change)
    {
        Action<StoreChange>[] handlers;
        lock (_gate)
        {
            handlers = _byAccount.TryGetValue(change.AccountId, out var forAccount)
                ? [.. _everything, .. forAccount]
                : [.. _everything];
        }
        foreach (var handler in handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception e)
            {
                // One subscriber's bug must not stop notifications to all the others.
                logger.LogError(e, "a change subscriber failed on change {Sequence}", change.Sequence);
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
