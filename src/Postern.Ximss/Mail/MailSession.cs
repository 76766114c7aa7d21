using Postern.Mail.Access;
using Postern.Mail.Changes;

namespace Postern.Ximss.Mail;

/// <summary>
/// What a XIMSS session keeps for its mail operations: the acting user, its open folders, its change
/// watch, its uploads, and the mailboxes whose reports are due. One per session, disposed when it ends.
/// </summary>
/// <remarks>
/// Requests use it one at a time (the session's queue); the change notifier reads the folders and queues
/// mailbox reports from its own thread, so those are guarded by a lock.
/// </remarks>
internal sealed class MailSession : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OpenFolder> _folders = new(StringComparer.Ordinal);
    private readonly HashSet<long> _mailboxReports = [];
    private MailWatch? _watch;
    private bool _disposed;

    /// <summary>The acting user, once <see cref="Start"/> ran.</summary>
    public MailUser? User { get; private set; }

    /// <summary>Files posted to the session's <c>/UPLOAD/</c> resource.</summary>
    public SessionUploads Uploads { get; } = new();

    public bool IsStarted => User is not null;

    /// <summary>
    /// Sets the user and the session's change watch, once: a session that has ended meanwhile, or was
    /// started by a concurrent caller, drops this watch at once.
    /// </summary>
    public void Start(MailUser user, MailWatch watch)
    {
        lock (_gate)
        {
            if (!_disposed && User is null)
            {
                (User, _watch) = (user, watch);
                return;
            }
        }
        watch.Dispose();
    }

    /// <summary>Turns mailbox-level reports (<c>reportMailboxChanges</c>) on or off.</summary>
    public void ReportMailboxChanges(bool report)
    {
        lock (_gate)
        {
            if (_watch is { } watch)
                watch.ReportMailboxChanges = report;
        }
    }

    public int FolderCount
    {
        get
        {
            lock (_gate)
                return _folders.Count;
        }
    }

    public bool TryGetFolder(string name, out OpenFolder folder)
    {
        lock (_gate)
            return _folders.TryGetValue(name, out folder!);
    }

    /// <summary>Registers a folder and watches its mailbox; false when the name is taken.</summary>
    public bool TryAddFolder(OpenFolder folder)
    {
        lock (_gate)
        {
            if (_disposed || !_folders.TryAdd(folder.Name, folder))
                return false;
            _watch?.WatchMailbox(folder.MailboxId);
            return true;
        }
    }

    /// <summary>Closes a folder and stops watching its mailbox (when no other folder is on it).</summary>
    public bool TryRemoveFolder(string name)
    {
        lock (_gate)
        {
            if (!_folders.Remove(name, out var folder))
                return false;
            folder.Close();
            _watch?.UnwatchMailbox(folder.MailboxId);
            return true;
        }
    }

    /// <summary>The open folders on a mailbox.</summary>
    public OpenFolder[] FoldersOn(long mailboxId)
    {
        lock (_gate)
            return _folders.Values.Where(f => f.MailboxId == mailboxId).ToArray();
    }

    /// <summary>Notes that a mailbox's report is due; true when none was due before (the caller schedules the sending).</summary>
    public bool QueueMailboxReport(long mailboxId)
    {
        lock (_gate)
            return !_disposed && _mailboxReports.Add(mailboxId) && _mailboxReports.Count == 1;
    }

    /// <summary>The mailboxes whose reports are due, in the order of their ids; none are due afterwards.</summary>
    public long[] TakeMailboxReports()
    {
        lock (_gate)
        {
            var due = _mailboxReports.Order().ToArray();
            _mailboxReports.Clear();
            return due;
        }
    }

    public void Dispose()
    {
        MailWatch? watch;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            watch = _watch;
            foreach (var folder in _folders.Values)
                folder.Close();
            _folders.Clear();
            _mailboxReports.Clear();
        }
        watch?.Dispose();
        Uploads.Dispose();
    }
}
