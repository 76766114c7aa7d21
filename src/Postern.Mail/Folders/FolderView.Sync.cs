using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.Mail.Folders;

public sealed partial class FolderView
{
    /// <summary>
    /// Brings the view up to date with the mailbox: the steps (removed, added, updated) that turn the
    /// client's list into the new one, each added or updated message with its row, and the counters.
    /// </summary>
    /// <param name="limit">At most this many steps; the rest come with the next sync (<see cref="FolderSyncResult.More"/>).</param>
    /// <exception cref="MailException">The mailbox is gone or the user may no longer read it.</exception>
    public async Task<FolderSyncResult> SyncAsync(IReadOnlyList<FolderField> fields, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1)
            throw new ArgumentOutOfRangeException(nameof(limit), "a sync limit is at least 1");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RequireReadAsync(cancellationToken);
            var state = _state;
            var delta = await _store.Messages.GetDeltaAsync(_mailbox.Id, state.ModSeq, cancellationToken);
            if (delta.Changed.Count == 0 && delta.Removed.Count == 0)
            {
                AdvanceTo(state, delta.HighestModSeq);
                return new FolderSyncResult([], state.Count, state.Unseen, More: false);
            }

            // How each changed message looks to this view, and whether it belongs in it now.
            var changed = new Dictionary<uint, MessageFlags>(delta.Changed.Count);
            foreach (var entry in delta.Changed)
                changed[entry.Uid] = Claim(entry.Uid, entry.Flags);
            var touched = delta.Changed.Where(IsNews).Select(e => e.Uid).ToHashSet();
            var members = await MembersAsync(changed, cancellationToken);
            var leaving = delta.Removed.Concat(changed.Keys.Where(uid => !members.Contains(uid))).ToHashSet();
            _claimedRecent.ExceptWith(delta.Removed);
            var additions = members.Where(uid => state.IndexOf(uid) < 0).ToArray();

            var target = additions.Length == 0
                ? Shrink(state, leaving, changed)
                : await RebuildAsync(state, leaving, additions, changed, cancellationToken);
            var steps = FolderDiff.Compute(state, target.Uids, target.Flags, touched);
            var more = limit is { } max && steps.Count > max;
            if (more)
            {
                steps = steps.Take(limit!.Value).ToList();
                var targets = new Dictionary<uint, (MessageFlags, string?)>(target.Count);
                for (var i = 0; i < target.Count; i++)
                    targets[target.Uids[i]] = (target.Flags[i], target.Keys?[i]);
                // The modification sequence stays: the next sync recomputes the rest from here, and must not
                // report again the messages these steps have shown.
                var modSeqOf = delta.Changed.ToDictionary(e => e.Uid, e => e.ModSeq);
                foreach (var step in steps.Where(s => s.Kind != FolderChangeKind.Removed))
                    _shown[step.Uid] = modSeqOf[step.Uid];
                _state = FolderDiff.ApplyPrefix(state, steps, targets);
            }
            else
            {
                AdvanceTo(target, delta.HighestModSeq);
            }
            await ClearClaimedRecentAsync(cancellationToken);
            var changes = await DescribeAsync(steps, target, fields, cancellationToken);
            return new FolderSyncResult(changes, _state.Count, _state.Unseen, more);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Whether the mailbox changed since the last sync in a way this view would show, so that a sync now
    /// would report something (the check behind a notification to the client). When nothing the view
    /// shows changed, the view moves past those changes, so they are not looked at again.
    /// </summary>
    /// <remarks>
    /// A message that is not in the view but passes its flag filter counts as a change (it may enter),
    /// even when the view's search criteria would keep it out; the sync then finds nothing to report.
    /// </remarks>
    /// <exception cref="MailException">The mailbox is gone or the user may no longer read it.</exception>
    public async Task<bool> HasChangesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RequireReadAsync(cancellationToken);
            var state = _state;
            var delta = await _store.Messages.GetDeltaAsync(_mailbox.Id, state.ModSeq, cancellationToken);
            var inView = delta.Changed.Count + delta.Removed.Count > 64 ? state.Uids.ToHashSet() : null;
            bool InView(uint uid) => inView?.Contains(uid) ?? state.IndexOf(uid) >= 0;
            if (delta.Removed.Any(InView))
                return true;
            foreach (var entry in delta.Changed.Where(IsNews))
            {
                if (InView(entry.Uid) || _definition.Filter.Flags.Matches(entry.Flags))
                    return true;
            }
            AdvanceTo(state, delta.HighestModSeq);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether a delta entry is a change the view has not shown (not its own clearing of Recent, not a step of an earlier partial sync).</summary>
    private bool IsNews(MessageViewEntry entry) => !_shown.TryGetValue(entry.Uid, out var modSeq) || modSeq != entry.ModSeq;

    /// <summary>The view reflects the mailbox up to <paramref name="modSeq"/>: what it remembered as shown before that point is forgotten.</summary>
    private void AdvanceTo(FolderViewState state, long modSeq)
    {
        _state = modSeq > state.ModSeq ? state.WithModSeq(modSeq) : state;
        foreach (var uid in _shown.Where(s => s.Value <= modSeq).Select(s => s.Key).ToArray())
            _shown.Remove(uid);
    }

    /// <summary>The changed messages that pass the view's filter.</summary>
    private async Task<HashSet<uint>> MembersAsync(Dictionary<uint, MessageFlags> changed, CancellationToken cancellationToken)
    {
        var passing = changed.Where(c => _definition.Filter.Flags.Matches(c.Value)).Select(c => c.Key).ToArray();
        if (_definition.Filter.Criteria is not { } criteria || passing.Length == 0)
            return passing.ToHashSet();
        return (await _search.SearchAsync(_mailbox.Id, criteria, _timeZone, passing, cancellationToken)).ToHashSet();
    }

    /// <summary>The new state when nothing enters the view: the old one without the leavers, flags updated.</summary>
    private static FolderViewState Shrink(FolderViewState state, HashSet<uint> leaving, Dictionary<uint, MessageFlags> changed)
    {
        var uids = new List<uint>(state.Count);
        var flags = new List<MessageFlags>(state.Count);
        var keys = state.Keys is null ? null : new List<string>(state.Count);
        for (var i = 0; i < state.Count; i++)
        {
            var uid = state.Uids[i];
            if (leaving.Contains(uid))
                continue;
            uids.Add(uid);
            flags.Add(changed.GetValueOrDefault(uid, state.Flags[i]));
            keys?.Add(state.Keys![i]);
        }
        return new FolderViewState(uids.ToArray(), flags.ToArray(), keys?.ToArray(), state.ModSeq);
    }

    /// <summary>The new state when messages enter the view: their places come from the store's order, or from their sort keys.</summary>
    private async Task<FolderViewState> RebuildAsync(
        FolderViewState state, HashSet<uint> leaving, uint[] additions, Dictionary<uint, MessageFlags> changed, CancellationToken cancellationToken)
    {
        var kept = Shrink(state, leaving, changed);
        if (_sort.Indexed is { } field)
        {
            var flagsOf = new Dictionary<uint, MessageFlags>(kept.Count + additions.Length);
            for (var i = 0; i < kept.Count; i++)
                flagsOf[kept.Uids[i]] = kept.Flags[i];
            foreach (var uid in additions)
                flagsOf[uid] = changed[uid];
            // Only the order is taken from the listing; a message it lacks was expunged meanwhile and leaves.
            var listing = await _store.Messages.ListAsync(_mailbox.Id, field, _sort.Descending, MessageFlagFilter.All, cancellationToken);
            var order = listing.Entries.Select(e => e.Uid).Where(flagsOf.ContainsKey).ToArray();
            return new FolderViewState(order, order.Select(uid => flagsOf[uid]).ToArray(), null, state.ModSeq);
        }

        var records = await GetRecordsAsync(additions, cancellationToken);
        var entries = Enumerable.Range(0, kept.Count).Select(i => (Uid: kept.Uids[i], Flags: kept.Flags[i], Key: kept.Keys![i]))
            .Concat(records.Values.Select(r => (r.Uid, Flags: changed[r.Uid], Key: _sort.KeyOf(r))))
            .ToList();
        entries.Sort((a, b) => _sort.Compare(a.Key, a.Uid, b.Key, b.Uid));
        return new FolderViewState(
            entries.Select(e => e.Uid).ToArray(), entries.Select(e => e.Flags).ToArray(), entries.Select(e => e.Key).ToArray(), state.ModSeq);
    }

    private async Task<IReadOnlyList<FolderChange>> DescribeAsync(
        List<(FolderChangeKind Kind, int Index, uint Uid)> steps, FolderViewState target, IReadOnlyList<FolderField> fields,
        CancellationToken cancellationToken)
    {
        var shown = steps.Where(s => s.Kind != FolderChangeKind.Removed).Select(s => s.Uid).ToArray();
        var records = await GetRecordsAsync(shown, cancellationToken);
        var flagsOf = new Dictionary<uint, MessageFlags>(shown.Length);
        foreach (var uid in shown)
            flagsOf[uid] = target.Flags[target.IndexOf(uid)];
        return steps.Select(step => new FolderChange(step.Kind, step.Index, step.Uid,
            step.Kind != FolderChangeKind.Removed && records.TryGetValue(step.Uid, out var record)
                ? FolderRow.Create(step.Index, record, flagsOf[step.Uid], fields)
                : null)).ToArray();
    }
}
