namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>The folder-level counters of a <c>folderReport mode="init"</c> (docs/ximss.md §7.5).</summary>
/// <param name="Messages">Messages in the view (after the filter).</param>
/// <param name="Unseen">Unseen messages in the view.</param>
public sealed record FolderStatus(int Messages, int Unseen)
{
    /// <summary><c>UIDValidity</c> of the mailbox.</summary>
    public long? UidValidity { get; init; }

    /// <summary><c>UIDMin</c>: the smallest UID in the mailbox.</summary>
    public long? UidMin { get; init; }

    /// <summary><c>UIDNext</c>: the UID the next message will get.</summary>
    public long? UidNext { get; init; }

    /// <summary><c>rights</c>: the current user's rights letters on the mailbox.</summary>
    public string? Rights { get; init; }
}
