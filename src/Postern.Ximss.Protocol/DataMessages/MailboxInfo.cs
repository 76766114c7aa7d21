namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>The contents of one <c>mailbox</c> data message, an entry of <c>mailboxList</c> (docs/ximss.md §7.4).</summary>
/// <remarks>Null members are left out. Attribute names are CGP's mailbox-info keys, capitalised as the Java client (tested against CGP) reads them.</remarks>
/// <param name="Mailbox">The mailbox name, with <c>/</c> between hierarchy levels.</param>
public sealed record MailboxInfo(string Mailbox)
{
    /// <summary><c>Messages</c>: how many messages.</summary>
    public long? Messages { get; init; }

    /// <summary><c>Size</c>: total size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary><c>Unseen</c>: messages without the Seen flag.</summary>
    public long? Unseen { get; init; }

    /// <summary><c>Recent</c>: messages with the Recent flag.</summary>
    public long? Recent { get; init; }

    /// <summary><c>UIDNext</c>: the UID the next message will get.</summary>
    public long? UidNext { get; init; }

    /// <summary><c>UIDValidity</c>: changes whenever UIDs are reassigned.</summary>
    public long? UidValidity { get; init; }

    /// <summary><c>BoxSeq</c>: a counter that changes with every modification of the mailbox.</summary>
    public long? BoxSeq { get; init; }

    /// <summary><c>Oldest</c>: the internal date of the oldest message, in GMT.</summary>
    public DateTime? Oldest { get; init; }

    /// <summary><c>Class</c>: the mailbox class, e.g. <c>IPF.Contact</c>; null for a mail mailbox.</summary>
    public string? Class { get; init; }

    /// <summary><c>Media</c>: messages with the Media flag.</summary>
    public long? Media { get; init; }

    /// <summary><c>UnseenMedia</c>: unseen messages with the Media flag.</summary>
    public long? UnseenMedia { get; init; }

    /// <summary><c>pureFolder="yes"</c>: the name only holds sub-mailboxes and cannot hold messages.</summary>
    public bool PureFolder { get; init; }

    /// <summary><c>isFolder="yes"</c>: the mailbox holds messages and has sub-mailboxes.</summary>
    public bool IsFolder { get; init; }

    /// <summary><c>rights</c>: the current user's rights letters, for a mailbox of another account.</summary>
    public string? Rights { get; init; }
}
