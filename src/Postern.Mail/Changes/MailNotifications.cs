using Microsoft.Extensions.Logging;
using Postern.Mail.Access;
using Postern.Storage;

namespace Postern.Mail.Changes;

/// <summary>
/// Tells sessions about changes to the mailboxes they care about, whoever made them (another session,
/// delivery, the CLI in another process): one <see cref="MailWatch"/> per session, created on login and
/// disposed when the session ends.
/// </summary>
/// <remarks>
/// Built on <see cref="ChangeNotifier"/>: changes by this process arrive as soon as they commit, changes
/// by other processes within the store's polling interval (100 ms). Callbacks run on the notifier's loop
/// and must only take note (queue a report, wake a long poll).
/// </remarks>
public sealed class MailNotifications : IDisposable
{
    private readonly ILogger _logger;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, HashSet<MailWatch>> _byMailbox = [];
    private readonly Dictionary<long, HashSet<MailWatch>> _byAccount = [];

    public MailNotifications(ChangeNotifier notifier, ILogger<MailNotifications> logger)
    {
        _logger = logger;
        _subscription = notifier.SubscribeAll(Dispatch);
    }

    /// <summary>Starts a session's watch; nothing is watched until it says which mailboxes.</summary>
    /// <param name="folderChanged">Called when a watched mailbox's messages change, or it is renamed or removed: the session tells its open folders to sync.</param>
    /// <param name="mailboxChanged">
    /// Called, while <see cref="MailWatch.ReportMailboxChanges"/> is on, when any mailbox of the user's
    /// account (or a watched one of another account) is created, renamed, removed, or its counters change.
    /// </param>
    public MailWatch Watch(MailUser user, Action<StoreChange> folderChanged, Action<StoreChange> mailboxChanged)
    {
        ArgumentNullException.ThrowIfNull(folderChanged);
        ArgumentNullException.ThrowIfNull(mailboxChanged);
        return new MailWatch(this, user.Id, folderChanged, mailboxChanged);
    }

    /// <summary>Sessions watching something now (for monitoring and leak tests).</summary>
    public int ActiveWatches
    {
        get
        {
            lock (_gate)
                return _byMailbox.Values.Concat(_byAccount.Values).SelectMany(w => w).Distinct().Count();
        }
    }

    internal void Add(Dictionary<long, HashSet<MailWatch>> index, long key, MailWatch watch)
    {
        lock (_gate)
        {
            if (!index.TryGetValue(key, out var watches))
                index[key] = watches = [];
            watches.Add(watch);
        }
    }

    internal void Remove(Dictionary<long, HashSet<MailWatch>> index, long key, MailWatch watch)
    {
        lock (_gate)
        {
            if (index.TryGetValue(key, out var watches) && watches.Remove(watch) && watches.Count == 0)
                index.Remove(key);
        }
    }

    internal Dictionary<long, HashSet<MailWatch>> ByMailbox => _byMailbox;

    internal Dictionary<long, HashSet<MailWatch>> ByAccount => _byAccount;

    private void Dispatch(StoreChange change)
    {
        if (change.MailboxId is not { } mailboxId)
            return;
        MailWatch[] folderWatches;
        MailWatch[] accountWatches;
        lock (_gate)
        {
            folderWatches = _byMailbox.TryGetValue(mailboxId, out var byMailbox) ? [.. byMailbox] : [];
            accountWatches = _byAccount.TryGetValue(change.AccountId, out var byAccount) ? [.. byAccount] : [];
        }
        foreach (var watch in folderWatches)
        {
            Notify(() => watch.FolderChanged(change), change);
            // A watched mailbox of another account reports its counters too.
            if (watch.ReportMailboxChanges && watch.AccountId != change.AccountId)
                Notify(() => watch.MailboxChanged(change), change);
        }
        foreach (var watch in accountWatches)
            Notify(() => watch.MailboxChanged(change), change);
    }

    private void Notify(Action callback, StoreChange change)
    {
        try
        {
            callback();
        }
        catch (Exception e)
        {
            // One session's failure must not keep the others from hearing about the change.
            _logger.LogError(e, "a session's change callback failed on change {Sequence}", change.Sequence);
        }
    }

    public void Dispose() => _subscription.Dispose();
}
