using Postern.Storage;

namespace Postern.Mail.Changes;

/// <summary>
/// One session's interest in mailbox changes: the mailboxes of its open folders, and whether it wants
/// mailbox-level reports (XIMSS <c>reportMailboxChanges</c>). Dispose it when the session ends.
/// </summary>
/// <remarks>Thread-safe. A mailbox watched twice (two folders on it) is reported once and stays watched until unwatched twice.</remarks>
public sealed class MailWatch : IDisposable
{
    private readonly MailNotifications _notifications;
    private readonly Action<StoreChange> _folderChanged;
    private readonly Action<StoreChange> _mailboxChanged;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, int> _mailboxes = [];
    private bool _reportMailboxChanges;
    private bool _disposed;

    internal MailWatch(MailNotifications notifications, long accountId, Action<StoreChange> folderChanged, Action<StoreChange> mailboxChanged)
    {
        _notifications = notifications;
        AccountId = accountId;
        _folderChanged = folderChanged;
        _mailboxChanged = mailboxChanged;
    }

    /// <summary>The session's account.</summary>
    public long AccountId { get; }

    /// <summary>Whether mailbox-level changes of the account (and of watched mailboxes) are reported.</summary>
    public bool ReportMailboxChanges
    {
        get
        {
            lock (_gate)
                return _reportMailboxChanges;
        }
        set
        {
            lock (_gate)
            {
                if (_disposed || _reportMailboxChanges == value)
                    return;
                _reportMailboxChanges = value;
                if (value)
                    _notifications.Add(_notifications.ByAccount, AccountId, this);
                else
                    _notifications.Remove(_notifications.ByAccount, AccountId, this);
            }
        }
    }

    /// <summary>Starts reporting changes of a mailbox (a folder on it was opened).</summary>
    public void WatchMailbox(long mailboxId)
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            var count = _mailboxes.GetValueOrDefault(mailboxId);
            _mailboxes[mailboxId] = count + 1;
            if (count == 0)
                _notifications.Add(_notifications.ByMailbox, mailboxId, this);
        }
    }

    /// <summary>Stops reporting a mailbox once every folder that watched it is closed.</summary>
    public void UnwatchMailbox(long mailboxId)
    {
        lock (_gate)
        {
            if (!_mailboxes.TryGetValue(mailboxId, out var count))
                return;
            if (count > 1)
            {
                _mailboxes[mailboxId] = count - 1;
                return;
            }
            _mailboxes.Remove(mailboxId);
            _notifications.Remove(_notifications.ByMailbox, mailboxId, this);
        }
    }

    internal void FolderChanged(StoreChange change) => _folderChanged(change);

    internal void MailboxChanged(StoreChange change) => _mailboxChanged(change);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (var mailboxId in _mailboxes.Keys)
                _notifications.Remove(_notifications.ByMailbox, mailboxId, this);
            _mailboxes.Clear();
            if (_reportMailboxChanges)
                _notifications.Remove(_notifications.ByAccount, AccountId, this);
            _reportMailboxChanges = false;
        }
    }
}
