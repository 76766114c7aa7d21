namespace Postern.Storage;

/// <summary>The orders a folder view can be listed in (ties are broken by UID).</summary>
public enum MessageSortField
{
    Uid,
    InternalDate,
    SentDate,
    Size,
    Subject,
    From,
    To,
    Priority,
}

/// <summary>A flag filter: messages must have every flag of <see cref="Required"/> and none of <see cref="Excluded"/>.</summary>
public readonly record struct MessageFlagFilter(MessageFlags Required, MessageFlags Excluded)
{
    public static MessageFlagFilter All => default;

    public bool Matches(MessageFlags flags) => (flags & Required) == Required && (flags & Excluded) == 0;
}

/// <summary>A change of flags and keywords; removals apply before additions.</summary>
public sealed record FlagUpdate(
    MessageFlags Add,
    MessageFlags Remove,
    IReadOnlyList<string> AddKeywords,
    IReadOnlyList<string> RemoveKeywords)
{
    public static FlagUpdate Adding(MessageFlags flags) => new(flags, MessageFlags.None, [], []);

    public static FlagUpdate Removing(MessageFlags flags) => new(MessageFlags.None, flags, [], []);
}

/// <summary>What changed in a mailbox after a modification sequence: the input of a folder sync.</summary>
/// <param name="Changed">Messages added or updated after the point, in UID order.</param>
/// <param name="Removed">UIDs expunged after the point, in UID order.</param>
public sealed record MailboxDelta(long HighestModSeq, IReadOnlyList<MessageViewEntry> Changed, IReadOnlyList<uint> Removed);

/// <summary>A sorted listing of a mailbox and the modification sequence it reflects, read as one snapshot.</summary>
/// <param name="HighestModSeq">The mailbox's highest modification sequence when it was listed: a later delta starts here.</param>
public sealed record MessageListing(long HighestModSeq, IReadOnlyList<MessageViewEntry> Entries);

/// <summary>Mailbox figures the mailbox row does not keep, computed from its messages.</summary>
/// <param name="Oldest">The arrival time of the oldest message, or null when the mailbox is empty.</param>
/// <param name="Recent">Messages with the Recent flag.</param>
/// <param name="Media">Messages with the Media flag (voice and video mail).</param>
/// <param name="UnseenMedia">Media messages not yet seen.</param>
public sealed record MailboxStatistics(DateTimeOffset? Oldest, int Recent, int Media, int UnseenMedia);
