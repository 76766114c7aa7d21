using Postern.Storage;

namespace Postern.Mail.Search;

/// <summary>
/// What a user searches a mailbox for: the IMAP SEARCH keys (RFC 3501 §6.4.4) as CommuniGate clients
/// use them. docs/mail.md describes every key and how text is matched.
/// </summary>
public abstract record SearchCriteria
{
    private protected SearchCriteria()
    {
    }

    /// <summary>Every message (<c>ALL</c>).</summary>
    public sealed record All : SearchCriteria;

    /// <summary>A flag is set, or with <paramref name="Present"/> false clear (<c>SEEN</c>, <c>UNSEEN</c>, <c>KEYWORD Junk</c>…).</summary>
    public sealed record Flag(MessageFlags Flags, bool Present) : SearchCriteria;

    /// <summary>A custom keyword is set or clear, compared ignoring case.</summary>
    public sealed record Keyword(string Name, bool Present) : SearchCriteria;

    /// <summary>
    /// A header field holds the words of <paramref name="Text"/> (<c>FROM</c>, <c>TO</c>, <c>CC</c>, <c>BCC</c>,
    /// <c>SUBJECT</c>, <c>HEADER name text</c>). An empty text matches every message that has the field.
    /// </summary>
    public sealed record HeaderContains(string Field, string Text) : SearchCriteria;

    /// <summary>The body text or an attachment's name holds the words (<c>BODY</c>).</summary>
    public sealed record BodyContains(string Text) : SearchCriteria;

    /// <summary>The headers or the body hold the words (<c>TEXT</c>).</summary>
    public sealed record TextContains(string Text) : SearchCriteria;

    /// <summary>
    /// The arrival time (<c>BEFORE</c>, <c>ON</c>, <c>SINCE</c>) or the Date header (<c>SENTBEFORE</c>, <c>SENTON</c>,
    /// <c>SENTSINCE</c>) falls before, on or since a day of the searcher's time zone.
    /// </summary>
    public sealed record Date(SearchDateField Field, SearchDateRelation Relation, DateOnly Day) : SearchCriteria;

    /// <summary>The message is larger than <paramref name="Octets"/> bytes (<c>LARGER</c>).</summary>
    public sealed record Larger(long Octets) : SearchCriteria;

    /// <summary>The message is smaller than <paramref name="Octets"/> bytes (<c>SMALLER</c>).</summary>
    public sealed record Smaller(long Octets) : SearchCriteria;

    /// <summary>The UID is in one of the ranges (<c>UID 1:5,9</c>).</summary>
    public sealed record Uids(IReadOnlyList<UidRange> Ranges) : SearchCriteria;

    public sealed record Not(SearchCriteria Operand) : SearchCriteria;

    public sealed record Or(SearchCriteria Left, SearchCriteria Right) : SearchCriteria;

    /// <summary>Every operand matches (keys in a row, or a parenthesised list).</summary>
    public sealed record And(IReadOnlyList<SearchCriteria> Operands) : SearchCriteria;

    /// <summary>From, To, Cc or Subject holds the words: the quick filter of a folder view.</summary>
    public static SearchCriteria AddressOrSubjectContains(string text) =>
        new Or(new Or(new HeaderContains("From", text), new HeaderContains("To", text)),
            new Or(new HeaderContains("Cc", text), new HeaderContains("Subject", text)));

    /// <summary>Whether any condition looks at text (and so needs the full-text index).</summary>
    internal bool UsesText => this switch
    {
        HeaderContains or BodyContains or TextContains => true,
        Not(var operand) => operand.UsesText,
        Or(var left, var right) => left.UsesText || right.UsesText,
        And(var operands) => operands.Any(o => o.UsesText),
        _ => false,
    };
}

public enum SearchDateField
{
    /// <summary>When the message arrived.</summary>
    Internal,

    /// <summary>The Date header (the arrival time when it has none).</summary>
    Sent,
}

public enum SearchDateRelation
{
    Before,
    On,
    Since,
}
