using System.Collections.Immutable;

namespace Postern.Ximss.Protocol.Values.Search;

/// <summary>
/// One condition of a <c>folderSearch</c> filter, parsed from IMAP SEARCH syntax (RFC 3501 §6.4.4) by
/// <see cref="SearchCriteriaParser"/>. The server evaluates the tree against its own message records.
/// </summary>
public abstract record SearchKey
{
    private protected SearchKey()
    {
    }

    /// <summary><c>ALL</c>: every message.</summary>
    public sealed record All : SearchKey;

    /// <summary>A flag test: <c>SEEN</c>, <c>UNSEEN</c>, <c>KEYWORD Junk</c>, … (<see cref="Present"/> false for the negative forms).</summary>
    public sealed record HasFlag(MessageFlags Flag, bool Present) : SearchKey;

    /// <summary>A custom keyword test: <c>KEYWORD k</c> / <c>UNKEYWORD k</c>.</summary>
    public sealed record HasKeyword(string Keyword, bool Present) : SearchKey;

    /// <summary>A header contains a substring, case-insensitively: <c>FROM</c>, <c>TO</c>, <c>CC</c>, <c>BCC</c>, <c>SUBJECT</c>, <c>HEADER name value</c>.</summary>
    /// <remarks>An empty <see cref="Value"/> matches every message that has the header (RFC 3501 §6.4.4, HEADER).</remarks>
    public sealed record HeaderContains(string Field, string Value) : SearchKey;

    /// <summary><c>BODY s</c>: the message body contains a substring.</summary>
    public sealed record BodyContains(string Value) : SearchKey;

    /// <summary><c>TEXT s</c>: the header or body contains a substring.</summary>
    public sealed record TextContains(string Value) : SearchKey;

    /// <summary><c>BEFORE</c>/<c>ON</c>/<c>SINCE</c> (internal date) and <c>SENTBEFORE</c>/<c>SENTON</c>/<c>SENTSINCE</c> (Date header); dates compare without time or zone (RFC 3501).</summary>
    public sealed record DateCompare(SearchDateField Field, SearchDateComparison Comparison, DateOnly Date) : SearchKey;

    /// <summary><c>LARGER n</c>: the message is strictly larger than <see cref="Octets"/>.</summary>
    public sealed record Larger(long Octets) : SearchKey;

    /// <summary><c>SMALLER n</c>: the message is strictly smaller than <see cref="Octets"/>.</summary>
    public sealed record Smaller(long Octets) : SearchKey;

    /// <summary><c>UID set</c>: the message's UID is in the set.</summary>
    public sealed record UidIn(UidSelection Uids) : SearchKey;

    /// <summary><c>NOT key</c>.</summary>
    public sealed record Not(SearchKey Operand) : SearchKey;

    /// <summary><c>OR key1 key2</c>.</summary>
    public sealed record Or(SearchKey Left, SearchKey Right) : SearchKey;

    /// <summary>Several keys in a row, or a parenthesised list: all must match. Equal when the operands are equal, in order.</summary>
    public sealed record And(ImmutableArray<SearchKey> Operands) : SearchKey
    {
        /// <inheritdoc/>
        public bool Equals(And? other) => other is not null && Operands.SequenceEqual(other.Operands);

        /// <inheritdoc/>
        public override int GetHashCode() => Operands.Aggregate(0, (hash, operand) => HashCode.Combine(hash, operand));
    }
}
