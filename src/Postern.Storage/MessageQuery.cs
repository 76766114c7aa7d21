namespace Postern.Storage;

/// <summary>
/// A condition on the messages of one mailbox, evaluated by the store (<see cref="IMessageRepository.SearchAsync"/>).
/// The mail layer builds it from a user's search; the store turns it into its own query language.
/// </summary>
public abstract record MessageQuery
{
    private protected MessageQuery()
    {
    }

    /// <summary>Every message.</summary>
    public sealed record All : MessageQuery;

    /// <summary>The message's flags pass the filter.</summary>
    public sealed record Flags(MessageFlagFilter Filter) : MessageQuery;

    /// <summary>The message has (or, with <paramref name="Present"/> false, lacks) a custom keyword, compared ignoring case.</summary>
    public sealed record Keyword(string Name, bool Present) : MessageQuery;

    /// <summary>The arrival time is at or after <paramref name="From"/> and before <paramref name="Before"/> (either bound may be open).</summary>
    public sealed record InternalDate(DateTimeOffset? From, DateTimeOffset? Before) : MessageQuery;

    /// <summary>
    /// The <c>Date</c> header is at or after <paramref name="From"/> and before <paramref name="Before"/>; a
    /// message without a readable Date is judged by its arrival time (as it sorts).
    /// </summary>
    public sealed record SentDate(DateTimeOffset? From, DateTimeOffset? Before) : MessageQuery;

    /// <summary>The size in bytes is at least <paramref name="AtLeast"/> and at most <paramref name="AtMost"/> (either bound may be open).</summary>
    public sealed record Size(long? AtLeast, long? AtMost) : MessageQuery;

    /// <summary>The UID is in one of the inclusive ranges.</summary>
    public sealed record Uids(IReadOnlyList<UidRange> Ranges) : MessageQuery;

    /// <summary>
    /// Full-text: the words occur in <paramref name="Field"/> one after another, each as a whole word or
    /// as the start of one, ignoring case and diacritics. Words are runs of letters and digits; an empty
    /// list matches every message.
    /// </summary>
    public sealed record Text(MessageTextField Field, IReadOnlyList<string> Words) : MessageQuery;

    public sealed record Not(MessageQuery Operand) : MessageQuery;

    public sealed record Or(MessageQuery Left, MessageQuery Right) : MessageQuery;

    public sealed record And(IReadOnlyList<MessageQuery> Operands) : MessageQuery;
}

/// <summary>An inclusive range of UIDs.</summary>
public readonly record struct UidRange(uint From, uint To)
{
    public bool Contains(uint uid) => uid >= From && uid <= To;
}
