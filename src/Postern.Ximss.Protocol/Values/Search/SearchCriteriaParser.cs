using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Postern.Ximss.Protocol.Values.Search;

/// <summary>
/// Parses a <c>folderSearch</c> <c>filter</c>: IMAP SEARCH keys (RFC 3501 §6.4.4) such as
/// <c>UNSEEN FROM "ivan" SINCE 1-Feb-2024</c> or <c>OR SUBJECT report (LARGER 100000 FLAGGED)</c>.
/// </summary>
/// <remarks>
/// Strings are atoms or double-quoted strings with <c>\"</c> and <c>\\</c> escapes; literals
/// (<c>{n}</c>) are not needed inside XML and are refused. Dates are <c>d-Mon-yyyy</c> (IMAP) or
/// <c>yyyyMMdd</c> (CGP compact). <c>KEYWORD</c> names that are CGP flags (<c>Junk</c>, <c>Media</c>, …)
/// become flag tests. Message sequence numbers are refused: XIMSS addresses messages by UID or view index.
/// </remarks>
public static class SearchCriteriaParser
{
    private static readonly string[] s_dateFormats = ["d-MMM-yyyy", "yyyyMMdd"];

    /// <summary>Parses the whole filter; several top-level keys must all match.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out SearchKey? criteria,
        [NotNullWhen(false)] out string? problem,
        XimssLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text, limits ?? XimssLimits.Default);
        criteria = parser.ParseAll(out problem);
        return criteria is not null;
    }

    private sealed class Parser(string text, XimssLimits limits)
    {
        private int _position;
        private int _depth;
        private string? _problem;

        public SearchKey? ParseAll(out string? problem)
        {
            var keys = ParseSequence(closingParenthesis: false);
            problem = _problem;
            if (keys is null)
                return null;
            if (keys.Value.IsEmpty)
            {
                problem = "no search key";
                return null;
            }

            return keys.Value.Length == 1 ? keys.Value[0] : new SearchKey.And(keys.Value);
        }

        private ImmutableArray<SearchKey>? ParseSequence(bool closingParenthesis)
        {
            var keys = ImmutableArray.CreateBuilder<SearchKey>();
            while (true)
            {
                SkipSpaces();
                if (_position == text.Length)
                {
                    if (closingParenthesis)
                        return Fail("missing ')'");
                    return keys.DrainToImmutable();
                }

                if (text[_position] == ')')
                {
                    if (!closingParenthesis)
                        return Fail("unexpected ')'");
                    _position++;
                    return keys.DrainToImmutable();
                }

                var key = ParseKey();
                if (key is null)
                    return null;
                keys.Add(key);
            }
        }

        private SearchKey? ParseKey()
        {
            if (++_depth > limits.MaxSearchDepth)
                return Fail<SearchKey>($"keys nested deeper than {limits.MaxSearchDepth}");
            try
            {
                SkipSpaces();
                if (_position < text.Length && text[_position] == '(')
                {
                    _position++;
                    var list = ParseSequence(closingParenthesis: true);
                    if (list is null)
                        return null;
                    return list.Value.Length switch
                    {
                        0 => Fail<SearchKey>("empty parentheses"),
                        1 => list.Value[0],
                        _ => new SearchKey.And(list.Value),
                    };
                }

                var name = ReadAtom();
                return name is null ? Fail<SearchKey>("a search key is expected") : ParseNamedKey(name);
            }
            finally
            {
                _depth--;
            }
        }

        private SearchKey? ParseNamedKey(string name) => name.ToUpperInvariant() switch
        {
            "ALL" => new SearchKey.All(),
            "ANSWERED" => Flag(MessageFlags.Answered, true),
            "UNANSWERED" => Flag(MessageFlags.Answered, false),
            "DELETED" => Flag(MessageFlags.Deleted, true),
            "UNDELETED" => Flag(MessageFlags.Deleted, false),
            "DRAFT" => Flag(MessageFlags.Draft, true),
            "UNDRAFT" => Flag(MessageFlags.Draft, false),
            "FLAGGED" => Flag(MessageFlags.Flagged, true),
            "UNFLAGGED" => Flag(MessageFlags.Flagged, false),
            "SEEN" => Flag(MessageFlags.Seen, true),
            "UNSEEN" => Flag(MessageFlags.Seen, false),
            "RECENT" => Flag(MessageFlags.Recent, true),
            "OLD" => Flag(MessageFlags.Recent, false),
            // RFC 3501: NEW is "RECENT UNSEEN".
            "NEW" => new SearchKey.And([Flag(MessageFlags.Recent, true), Flag(MessageFlags.Seen, false)]),
            "KEYWORD" => Keyword(present: true),
            "UNKEYWORD" => Keyword(present: false),
            "FROM" => Header("From"),
            "TO" => Header("To"),
            "CC" => Header("Cc"),
            "BCC" => Header("Bcc"),
            "SUBJECT" => Header("Subject"),
            "HEADER" => ReadString() is { } field && field.Length > 0 ? Header(field) : Fail<SearchKey>("HEADER needs a field name"),
            "BODY" => ReadString() is { } body ? new SearchKey.BodyContains(body) : Fail<SearchKey>("BODY needs a string"),
            "TEXT" => ReadString() is { } any ? new SearchKey.TextContains(any) : Fail<SearchKey>("TEXT needs a string"),
            "BEFORE" => Date(SearchDateField.Internal, SearchDateComparison.Before),
            "ON" => Date(SearchDateField.Internal, SearchDateComparison.On),
            "SINCE" => Date(SearchDateField.Internal, SearchDateComparison.Since),
            "SENTBEFORE" => Date(SearchDateField.Sent, SearchDateComparison.Before),
            "SENTON" => Date(SearchDateField.Sent, SearchDateComparison.On),
            "SENTSINCE" => Date(SearchDateField.Sent, SearchDateComparison.Since),
            "LARGER" => Size() is { } larger ? new SearchKey.Larger(larger) : null,
            "SMALLER" => Size() is { } smaller ? new SearchKey.Smaller(smaller) : null,
            "UID" => Uids(),
            "NOT" => ParseKey() is { } operand ? new SearchKey.Not(operand) : null,
            "OR" => ParseKey() is { } left && ParseKey() is { } right ? new SearchKey.Or(left, right) : null,
            _ when name[0] is >= '0' and <= '9' or '*' => Fail<SearchKey>("message sequence numbers are not supported; use UID"),
            _ => Fail<SearchKey>($"unknown search key '{name}'"),
        };

        private static SearchKey.HasFlag Flag(MessageFlags flag, bool present) => new(flag, present);

        private SearchKey? Keyword(bool present)
        {
            var keyword = ReadAtom();
            if (keyword is null)
                return Fail<SearchKey>("KEYWORD needs a keyword");
            if (MessageFlagNames.TryParse(keyword, out var flag, out var negated))
                return Flag(flag, present != negated);
            return new SearchKey.HasKeyword(keyword, present);
        }

        private SearchKey? Header(string field) =>
            ReadString() is { } value ? new SearchKey.HeaderContains(field, value) : Fail<SearchKey>($"{field} needs a string");

        private SearchKey? Date(SearchDateField field, SearchDateComparison comparison)
        {
            var text = ReadString();
            if (text is not null && DateOnly.TryParseExact(text, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return new SearchKey.DateCompare(field, comparison, date);
            return Fail<SearchKey>($"'{text}' is not a date (d-Mon-yyyy or yyyyMMdd)");
        }

        private long? Size()
        {
            var text = ReadAtom();
            if (text is not null && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var octets))
                return octets;
            _problem ??= $"'{text}' is not a size in octets";
            return null;
        }

        private SearchKey? Uids()
        {
            var text = ReadAtom();
            if (text is not null && UidSelection.TryParseSequenceSet(text, out var uids))
                return new SearchKey.UidIn(uids);
            return Fail<SearchKey>($"'{text}' is not a UID set");
        }

        // An atom ends at a space or a parenthesis (RFC 3501 §9 atom-specials, the ones that matter here).
        private string? ReadAtom()
        {
            SkipSpaces();
            var start = _position;
            while (_position < text.Length && text[_position] is not (' ' or '(' or ')' or '"'))
                _position++;
            return _position > start ? text[start.._position] : null;
        }

        private string? ReadString()
        {
            SkipSpaces();
            if (_position < text.Length && text[_position] == '{')
                return Fail<string>("literals are not supported; use a quoted string");
            if (_position >= text.Length || text[_position] != '"')
                return ReadAtom();

            var value = new StringBuilder();
            for (_position++; _position < text.Length; _position++)
            {
                var c = text[_position];
                if (c == '"')
                {
                    _position++;
                    return value.ToString();
                }

                // RFC 3501 §9 quoted-specials: only \" and \\ may be escaped.
                if (c == '\\')
                {
                    if (++_position == text.Length || text[_position] is not ('"' or '\\'))
                        return Fail<string>("bad escape in a quoted string");
                    c = text[_position];
                }

                value.Append(c);
            }

            return Fail<string>("unterminated quoted string");
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && text[_position] is ' ' or '\t' or '\r' or '\n')
                _position++;
        }

        private ImmutableArray<SearchKey>? Fail(string problem)
        {
            _problem ??= problem;
            return null;
        }

        private T? Fail<T>(string problem)
            where T : class
        {
            _problem ??= problem;
            return null;
        }
    }
}
