using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.Mail.Folders;

public sealed partial class FolderView
{
    /// <summary>UIDs whose Recent flag this view claimed but has not cleared in the store yet.</summary>
    private readonly List<uint> _recentToClear = [];

    /// <summary>Reads the whole view: the store's sorted, flag-filtered listing, then the search filter, then in-memory sort keys.</summary>
    private async Task<FolderViewState> LoadAsync(FolderSort sort, FolderViewFilter filter, CancellationToken cancellationToken)
    {
        var listing = await _store.Messages.ListAsync(
            _mailbox.Id, sort.Indexed ?? MessageSortField.Uid, sort.Indexed is not null && sort.Descending, filter.Flags, cancellationToken);
        IEnumerable<MessageViewEntry> entries = listing.Entries;
        if (filter.Criteria is { } criteria)
        {
            var matches = (await _search.SearchAsync(_mailbox.Id, criteria, _timeZone, within: null, cancellationToken)).ToHashSet();
            entries = entries.Where(e => matches.Contains(e.Uid));
        }
        var selected = entries.ToArray();
        var uids = new uint[selected.Length];
        var flags = new MessageFlags[selected.Length];
        for (var i = 0; i < selected.Length; i++)
        {
            uids[i] = selected[i].Uid;
            flags[i] = Claim(selected[i].Uid, selected[i].Flags);
        }
        if (sort.Indexed is not null)
            return new FolderViewState(uids, flags, null, listing.HighestModSeq);

        // Keys batch by batch, so that only one batch of header blocks is held at a time.
        var keyOf = new Dictionary<uint, string>(uids.Length);
        foreach (var batch in uids.Chunk(RecordBatch))
        {
            foreach (var record in await _store.Messages.GetAsync(_mailbox.Id, batch, cancellationToken))
                keyOf[record.Uid] = sort.KeyOf(record);
        }
        var keys = uids.Select(uid => keyOf.GetValueOrDefault(uid, "")).ToArray();
        var order = Enumerable.Range(0, uids.Length).ToArray();
        Array.Sort(order, (a, b) => sort.Compare(keys[a], uids[a], keys[b], uids[b]));
        return new FolderViewState(order.Select(i => uids[i]).ToArray(), order.Select(i => flags[i]).ToArray(),
            order.Select(i => keys[i]).ToArray(), listing.HighestModSeq);
    }

    /// <summary>The flags the view shows: a message that arrives Recent is claimed by this view and stays Recent in it.</summary>
    private MessageFlags Claim(uint uid, MessageFlags flags)
    {
        if ((flags & MessageFlags.Recent) != 0 && _claimedRecent.Add(uid))
            _recentToClear.Add(uid);
        return _claimedRecent.Contains(uid) ? flags | MessageFlags.Recent : flags;
    }

    /// <summary>Clears the Recent flag of newly claimed messages in the store, when the user may change their flags.</summary>
    private async Task ClearClaimedRecentAsync(CancellationToken cancellationToken)
    {
        if (_recentToClear.Count == 0)
            return;
        var uids = _recentToClear.ToArray();
        _recentToClear.Clear();
        if (!_mailbox.Allows(MailboxRights.Seen))
            return;
        // The view already shows these messages as they are after this change: it is not news to it.
        foreach (var entry in await _store.Messages.UpdateFlagsAsync(_mailbox.Id, uids, FlagUpdate.Removing(MessageFlags.Recent), cancellationToken))
            _shown[entry.Uid] = entry.ModSeq;
    }
}
