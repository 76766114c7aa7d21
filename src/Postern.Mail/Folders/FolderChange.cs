namespace Postern.Mail.Folders;

/// <summary>One step of a folder sync. Applied in order, each index is valid in the list as the steps before it left it.</summary>
/// <param name="Index">Removed: the position it had; added: the position it takes; updated: its position.</param>
/// <param name="Row">For added and updated messages, the row with the requested fields; null for removed ones.</param>
public sealed record FolderChange(FolderChangeKind Kind, int Index, uint Uid, FolderRow? Row);

public enum FolderChangeKind
{
    Removed,
    Added,
    Updated,
}

/// <summary>What a folder sync found: the steps that bring the client's list to the view's new state, and the view's counters after them.</summary>
/// <param name="More">True when a limit cut the steps short: sync again for the rest.</param>
public sealed record FolderSyncResult(IReadOnlyList<FolderChange> Changes, int Messages, int Unseen, bool More);
