using Postern.Storage;

namespace Postern.Mail.Folders;

/// <summary>
/// One immutable state of a folder view: the UIDs in view order with their flags (and, for views sorted
/// in memory, their sort keys), and the modification sequence it reflects. Four bytes of UID and four of
/// flags per message: 100,000 messages cost under a megabyte.
/// </summary>
internal sealed class FolderViewState
{
    public FolderViewState(uint[] uids, MessageFlags[] flags, string[]? keys, long modSeq)
    {
        Uids = uids;
        Flags = flags;
        Keys = keys;
        ModSeq = modSeq;
        var unseen = 0;
        foreach (var f in flags)
            unseen += (f & MessageFlags.Seen) == 0 ? 1 : 0;
        Unseen = unseen;
    }

    public uint[] Uids { get; }

    public MessageFlags[] Flags { get; }

    /// <summary>The in-memory sort keys, aligned with <see cref="Uids"/>; null for views sorted by the store.</summary>
    public string[]? Keys { get; }

    public long ModSeq { get; }

    public int Unseen { get; }

    public int Count => Uids.Length;

    public int IndexOf(uint uid) => Uids.AsSpan().IndexOf(uid);

    public FolderViewState WithModSeq(long modSeq) => new(Uids, Flags, Keys, modSeq);
}

/// <summary>
/// The steps from one view state to another: removals from the highest index down, then additions from
/// the lowest index up, then updates. Applied in that order each index is valid when it is applied,
/// because messages that stay keep their relative order (sort keys never change) — and so is every prefix.
/// </summary>
internal static class FolderDiff
{
    /// <param name="current">The client's list.</param>
    /// <param name="targetUids">The new list.</param>
    /// <param name="targetFlags">The new list's flags.</param>
    /// <param name="touched">Messages changed in ways flags do not show (keywords): updated even when their flags are the same.</param>
    public static List<(FolderChangeKind Kind, int Index, uint Uid)> Compute(
        FolderViewState current, uint[] targetUids, MessageFlags[] targetFlags, IReadOnlySet<uint> touched)
    {
        var target = new Dictionary<uint, MessageFlags>(targetUids.Length);
        for (var j = 0; j < targetUids.Length; j++)
            target[targetUids[j]] = targetFlags[j];
        var currentFlags = new Dictionary<uint, MessageFlags>(current.Count);
        for (var i = 0; i < current.Count; i++)
            currentFlags[current.Uids[i]] = current.Flags[i];

        var changes = new List<(FolderChangeKind, int, uint)>();
        for (var i = current.Count - 1; i >= 0; i--)
        {
            if (!target.ContainsKey(current.Uids[i]))
                changes.Add((FolderChangeKind.Removed, i, current.Uids[i]));
        }
        for (var j = 0; j < targetUids.Length; j++)
        {
            if (!currentFlags.ContainsKey(targetUids[j]))
                changes.Add((FolderChangeKind.Added, j, targetUids[j]));
        }
        for (var j = 0; j < targetUids.Length; j++)
        {
            if (currentFlags.TryGetValue(targetUids[j], out var before) && (before != targetFlags[j] || touched.Contains(targetUids[j])))
                changes.Add((FolderChangeKind.Updated, j, targetUids[j]));
        }
        return changes;
    }

    /// <summary>The state after the first steps only (when a sync limit cut the list).</summary>
    public static FolderViewState ApplyPrefix(
        FolderViewState current, IReadOnlyList<(FolderChangeKind Kind, int Index, uint Uid)> steps,
        IReadOnlyDictionary<uint, (MessageFlags Flags, string? Key)> targets)
    {
        var uids = current.Uids.ToList();
        var flags = current.Flags.ToList();
        var keys = current.Keys?.ToList();
        foreach (var (kind, index, uid) in steps)
        {
            switch (kind)
            {
                case FolderChangeKind.Removed:
                    uids.RemoveAt(index);
                    flags.RemoveAt(index);
                    keys?.RemoveAt(index);
                    break;
                case FolderChangeKind.Added:
                    uids.Insert(index, uid);
                    flags.Insert(index, targets[uid].Flags);
                    keys?.Insert(index, targets[uid].Key!);
                    break;
                default:
                    flags[index] = targets[uid].Flags;
                    break;
            }
        }
        return new FolderViewState(uids.ToArray(), flags.ToArray(), keys?.ToArray(), current.ModSeq);
    }
}
