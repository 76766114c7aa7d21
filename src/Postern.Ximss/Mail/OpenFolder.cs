using Postern.Mail.Folders;

namespace Postern.Ximss.Mail;

/// <summary>
/// A folder a session has open (docs/ximss.md §5.4): the client's name for it, the view, the fields its
/// reports carry, and where its change notification stands.
/// </summary>
/// <remarks>
/// A burst of changes gives one <c>folderReport mode="notify"</c>: once sent, no other is sent until the
/// client syncs. The flags are touched by the change notifier's thread and by the session's requests.
/// </remarks>
internal sealed class OpenFolder(string name, FolderView view, IReadOnlyList<FolderField> fields, TimeZoneInfo timeZone)
{
    private int _checkScheduled;
    private int _notified;
    private int _closed;

    public string Name { get; } = name;

    public FolderView View { get; } = view;

    /// <summary>The fields of every report, in the client's order; their names, as the client wrote them, name the report's elements.</summary>
    public IReadOnlyList<FolderField> Fields { get; private set; } = fields;

    /// <summary>The zone of the <c>localTime</c> of times in reports: the user's, as of the open or the last reopen.</summary>
    public TimeZoneInfo TimeZone { get; private set; } = timeZone;

    public long MailboxId => View.Mailbox.Id;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Whether a notification was sent that the client has not answered with a sync.</summary>
    public bool IsNotified => Volatile.Read(ref _notified) != 0;

    /// <summary>A change arrived: true when the caller should schedule a check (none is scheduled and no notification is outstanding).</summary>
    public bool ShouldCheck() => !IsClosed && !IsNotified && Interlocked.Exchange(ref _checkScheduled, 1) == 0;

    /// <summary>The scheduled check starts: changes from now on schedule another.</summary>
    public void CheckStarted() => Volatile.Write(ref _checkScheduled, 0);

    /// <summary>Records that a notification goes out; false when one already has.</summary>
    public bool TryMarkNotified() => Interlocked.Exchange(ref _notified, 1) == 0;

    /// <summary>The client syncs: later changes are news again.</summary>
    public void Synced() => Volatile.Write(ref _notified, 0);

    /// <summary><c>folderReopen</c>: new fields (the view itself was reopened in place).</summary>
    public void Reopened(IReadOnlyList<FolderField> fields, TimeZoneInfo timeZone)
    {
        Fields = fields;
        TimeZone = timeZone;
        Synced();
    }

    public void Close() => Volatile.Write(ref _closed, 1);
}
