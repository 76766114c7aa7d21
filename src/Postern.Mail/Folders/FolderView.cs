using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mail.Search;
using Postern.Storage;

namespace Postern.Mail.Folders;

/// <summary>
/// An open, sorted, filtered view of one mailbox for one session (a XIMSS folder, a WebUser mailbox
/// page): positions (0-based indexes) map to UIDs, rows are read from stored header blocks, and
/// <see cref="SyncAsync"/> brings the view up to date in ordered steps.
/// </summary>
/// <remarks>
/// Thread-safe: reads work on an immutable snapshot of the state; syncs and reopens run one at a time.
/// A view holds no resources; a session closes it by dropping it. The Recent flag is claimed by the
/// first view that sees it: that view shows it, and it is cleared in the store (RFC 3501 §2.3.2).
/// </remarks>
public sealed partial class FolderView
{
    /// <summary>Message records read per store call when a browse or a sync needs many.</summary>
    private const int RecordBatch = 500;

    private readonly IStore _store;
    private readonly MailboxAccess _access;
    private readonly MessageSearch _search;
    private readonly MailUser _user;
    private readonly TimeZoneInfo? _timeZone;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<uint> _claimedRecent = [];
    // Changes newer than the state's modification sequence that the view has already shown (its own
    // clearing of Recent, steps of a partial sync), by UID: the modification sequence of that change.
    private readonly Dictionary<uint, long> _shown = [];
    private volatile FolderViewState _state = new([], [], null, 0);
    private volatile AccessibleMailbox _mailbox;
    private volatile FolderViewDefinition _definition;
    private FolderSort _sort;

    internal FolderView(IStore store, MailboxAccess access, MessageSearch search, MailUser user, AccessibleMailbox mailbox,
        FolderViewDefinition definition, TimeZoneInfo? timeZone)
    {
        _store = store;
        _access = access;
        _search = search;
        _user = user;
        _mailbox = mailbox;
        _definition = definition;
        _sort = FolderSort.Resolve(definition.Order);
        _timeZone = timeZone;
    }

    /// <summary>The mailbox as of the last open or sync (counters, rights).</summary>
    public AccessibleMailbox Mailbox => _mailbox;

    public FolderViewDefinition Definition => _definition;

    /// <summary>Messages in the view.</summary>
    public int Count => _state.Count;

    /// <summary>Messages in the view without the Seen flag.</summary>
    public int Unseen => _state.Unseen;

    public uint UidValidity => _mailbox.Record.UidValidity;

    public uint UidNext => _mailbox.Record.UidNext;

    /// <summary>The mailbox modification sequence the view reflects.</summary>
    public long ModSeq => _state.ModSeq;

    /// <summary>The UIDs in view order (a snapshot).</summary>
    public IReadOnlyList<uint> Uids => _state.Uids;

    /// <exception cref="ArgumentOutOfRangeException">The index is not in the view.</exception>
    public uint UidAt(int index) => _state.Uids[index];

    /// <summary>The position of a UID in the view, or -1.</summary>
    public int IndexOf(uint uid) => _state.IndexOf(uid);

    /// <summary>The rows at positions <paramref name="from"/> to <paramref name="till"/> (inclusive; a range past the end yields what exists).</summary>
    /// <exception cref="MailException">The mailbox is gone or the user may no longer read it.</exception>
    public async Task<IReadOnlyList<FolderRow>> BrowseAsync(int from, int till, IReadOnlyList<FolderField> fields, CancellationToken cancellationToken)
    {
        await RequireReadAsync(cancellationToken);
        var state = _state;
        var first = Math.Max(from, 0);
        var last = Math.Min(till, state.Count - 1);
        var positions = first > last ? [] : Enumerable.Range(first, last - first + 1).ToArray();
        return await ReadRowsAsync(state, positions, fields, cancellationToken);
    }

    /// <summary>The rows of the given UIDs that are in the view, in the order given.</summary>
    /// <exception cref="MailException">The mailbox is gone or the user may no longer read it.</exception>
    public async Task<IReadOnlyList<FolderRow>> BrowseAsync(IReadOnlyList<uint> uids, IReadOnlyList<FolderField> fields, CancellationToken cancellationToken)
    {
        await RequireReadAsync(cancellationToken);
        var state = _state;
        var positions = Positions(state, uids).Where(p => p >= 0).ToArray();
        return await ReadRowsAsync(state, positions, fields, cancellationToken);
    }

    /// <summary>The UIDs of the view's messages that match, in view order.</summary>
    /// <param name="timeZone">The zone whose days date conditions mean; null uses the view's.</param>
    /// <exception cref="MailException">The search is too large, or the mailbox is gone or no longer readable.</exception>
    public async Task<IReadOnlyList<uint>> SearchAsync(SearchCriteria criteria, TimeZoneInfo? timeZone, CancellationToken cancellationToken)
    {
        await RequireReadAsync(cancellationToken);
        var state = _state;
        var matches = (await _search.SearchAsync(_mailbox.Id, criteria, timeZone ?? _timeZone, within: null, cancellationToken)).ToHashSet();
        return state.Uids.Where(matches.Contains).ToArray();
    }

    /// <summary>Changes the order or the filter; the view is read again from the store.</summary>
    public async Task ReopenAsync(FolderViewDefinition definition, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RequireReadAsync(cancellationToken);
            var sort = FolderSort.Resolve(definition.Order);
            var state = await LoadAsync(sort, definition.Filter, cancellationToken);
            (_definition, _sort, _state) = (definition, sort, state);
            _shown.Clear();
            await ClearClaimedRecentAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the view for the first time.</summary>
    internal async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _state = await LoadAsync(_sort, _definition.Filter, cancellationToken);
            await ClearClaimedRecentAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every operation checks the user's current rights: an ACL change applies at once.</summary>
    private async Task RequireReadAsync(CancellationToken cancellationToken)
    {
        var mailbox = await _access.RefreshAsync(_user, _mailbox, cancellationToken);
        mailbox.Require(MailboxRights.Read, "read its messages");
        _mailbox = mailbox;
    }

    private async Task<IReadOnlyList<FolderRow>> ReadRowsAsync(
        FolderViewState state, int[] positions, IReadOnlyList<FolderField> fields, CancellationToken cancellationToken)
    {
        var records = await GetRecordsAsync(positions.Select(p => state.Uids[p]).ToArray(), cancellationToken);
        var rows = new List<FolderRow>(positions.Length);
        foreach (var position in positions)
        {
            // A message expunged since the last sync has no record: it is left out until the sync removes it.
            if (records.TryGetValue(state.Uids[position], out var record))
                rows.Add(FolderRow.Create(position, record, state.Flags[position], fields));
        }
        return rows;
    }

    private async Task<Dictionary<uint, MessageRecord>> GetRecordsAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken)
    {
        var records = new Dictionary<uint, MessageRecord>(uids.Count);
        foreach (var batch in uids.Chunk(RecordBatch))
        {
            foreach (var record in await _store.Messages.GetAsync(_mailbox.Id, batch, cancellationToken))
                records[record.Uid] = record;
        }
        return records;
    }

    private static IEnumerable<int> Positions(FolderViewState state, IReadOnlyList<uint> uids)
    {
        // A linear scan per UID is a vectorised pass over 400 KB for 100,000 messages; a map pays off for many UIDs.
        if (uids.Count <= 64)
            return uids.Select(state.IndexOf);
        var map = new Dictionary<uint, int>(state.Count);
        for (var i = 0; i < state.Count; i++)
            map[state.Uids[i]] = i;
        return uids.Select(uid => map.GetValueOrDefault(uid, -1));
    }
}
