using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Postern.Ximss.Protocol.Values;

/// <summary>
/// A parsed <c>flags</c> list such as <c>Seen,NotJunk,$Work</c>: flags named positively, flags named
/// by their negation, and custom keywords either way.
/// </summary>
/// <remarks>
/// For <c>messageMark</c> the positive names are flags to set and the negations flags to clear; for a
/// folder filter (<c>filterField="FLAGS"</c>) they are flags a message must have and must lack.
/// A custom keyword is negated with a leading <c>-</c> (Postern's choice; CGP documents no form).
/// </remarks>
public sealed record FlagList(
    MessageFlags Set,
    MessageFlags Cleared,
    ImmutableArray<string> SetKeywords,
    ImmutableArray<string> ClearedKeywords)
{
    /// <summary>True when both lists name the same flags and the same keywords in the same order.</summary>
    public bool Equals(FlagList? other) =>
        other is not null
        && Set == other.Set
        && Cleared == other.Cleared
        && SetKeywords.SequenceEqual(other.SetKeywords)
        && ClearedKeywords.SequenceEqual(other.ClearedKeywords);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Set, Cleared, SetKeywords.Length, ClearedKeywords.Length);

    /// <summary>A list that names nothing.</summary>
    public static FlagList Empty { get; } = new(MessageFlags.None, MessageFlags.None, [], []);

    /// <summary>True when the list names no flag and no keyword.</summary>
    public bool IsEmpty => Set == MessageFlags.None && Cleared == MessageFlags.None && SetKeywords.IsEmpty && ClearedKeywords.IsEmpty;

    /// <summary>Parses a comma-separated list; names are case-insensitive, blanks around commas ignored.</summary>
    /// <param name="text">The attribute value.</param>
    /// <param name="list">The parsed list.</param>
    /// <param name="problem">Why the text was refused, for the error text.</param>
    /// <param name="limits">Caps on count and keyword length.</param>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out FlagList? list,
        [NotNullWhen(false)] out string? problem,
        XimssLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= XimssLimits.Default;
        list = null;
        var set = MessageFlags.None;
        var cleared = MessageFlags.None;
        var setKeywords = ImmutableArray.CreateBuilder<string>();
        var clearedKeywords = ImmutableArray.CreateBuilder<string>();
        var count = 0;

        foreach (var range in text.AsSpan().Split(','))
        {
            var name = text.AsSpan(range).Trim(' ');
            if (name.IsEmpty)
                continue;
            if (++count > limits.MaxFlagsPerRequest)
            {
                problem = $"more than {limits.MaxFlagsPerRequest} flags";
                return false;
            }

            if (MessageFlagNames.TryParse(name, out var flag, out var negated))
            {
                if (negated)
                    cleared |= flag;
                else
                    set |= flag;
                continue;
            }

            var negatedKeyword = name[0] == '-';
            var keyword = negatedKeyword ? name[1..] : name;
            if (!IsValidKeyword(keyword, limits))
            {
                problem = $"'{name}' is not a flag or a valid keyword";
                return false;
            }

            (negatedKeyword ? clearedKeywords : setKeywords).Add(keyword.ToString());
        }

        if ((set & cleared) != MessageFlags.None)
        {
            problem = $"'{MessageFlagNames.Format(set & cleared)}' is both set and cleared";
            return false;
        }

        problem = null;
        list = new FlagList(set, cleared, setKeywords.DrainToImmutable(), clearedKeywords.DrainToImmutable());
        return true;
    }

    // RFC 3501 §9 flag-keyword = atom: no controls, space, or list/quoted/wildcard specials; ',' is our separator.
    private static bool IsValidKeyword(ReadOnlySpan<char> keyword, XimssLimits limits) =>
        keyword.Length > 0
        && keyword.Length <= limits.MaxKeywordLength
        && keyword[0] != '\\'
        && keyword.IndexOfAny("(){%*\"\\], ") < 0
        && !keyword.ContainsAnyInRange('\0', '\u001F')
        && !keyword.ContainsAnyInRange('\u007F', '\uFFFF');
}
