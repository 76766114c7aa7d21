using System.Globalization;
using System.Text;

namespace Postern.Storage.Sqlite;

/// <summary>Turns a <see cref="MessageQuery"/> into a SQL condition on <c>messages</c> with its parameters.</summary>
internal sealed class MessageQuerySql
{
    /// <summary>Up to this many UID ranges are written as BETWEEN terms; more go through one JSON parameter.</summary>
    private const int MaxInlineUidRanges = 16;

    private readonly StringBuilder _sql = new();
    private readonly List<(string Name, object? Value)> _parameters = [];

    /// <summary>How many NOTs the condition being written is under.</summary>
    private int _negations;

    private MessageQuerySql()
    {
    }

    public static (string Condition, (string Name, object? Value)[] Parameters) Compile(MessageQuery query)
    {
        var compiler = new MessageQuerySql();
        compiler.Append(query);
        return (compiler._sql.ToString(), compiler._parameters.ToArray());
    }

    private void Append(MessageQuery query)
    {
        switch (query)
        {
            case MessageQuery.All:
                _sql.Append('1');
                break;
            case MessageQuery.Flags(var filter):
                _sql.Append("(flags & ").Append(Parameter((int)filter.Required)).Append(" = ").Append(Parameter((int)filter.Required))
                    .Append(" AND flags & ").Append(Parameter((int)filter.Excluded)).Append(" = 0)");
                break;
            case MessageQuery.Keyword(var name, var present):
                // Keywords are one space-separated column; IMAP compares them ignoring case (RFC 3501 §2.3.2).
                _sql.Append(present ? "" : "NOT ").Append("instr(' ' || lower(keywords) || ' ', ")
                    .Append(Parameter(" " + name.ToLowerInvariant() + " ")).Append(") > 0");
                break;
            case MessageQuery.InternalDate(var from, var before):
                AppendTimeRange("internal_date", from, before);
                break;
            case MessageQuery.SentDate(var from, var before):
                AppendTimeRange("coalesce(sent_date, internal_date)", from, before);
                break;
            case MessageQuery.Size(var atLeast, var atMost):
                AppendRange("size", atLeast, atMost);
                break;
            case MessageQuery.Uids(var ranges):
                AppendUids(ranges);
                break;
            case MessageQuery.Text(var field, var words):
                AppendText(field, words);
                break;
            case MessageQuery.Not(var operand):
                _sql.Append("NOT (");
                _negations++;
                Append(operand);
                _negations--;
                _sql.Append(')');
                break;
            case MessageQuery.Or(var left, var right):
                _sql.Append('(');
                Append(left);
                _sql.Append(" OR ");
                Append(right);
                _sql.Append(')');
                break;
            case MessageQuery.And(var operands):
                if (operands.Count == 0)
                {
                    _sql.Append('1');
                    break;
                }
                _sql.Append('(');
                for (var i = 0; i < operands.Count; i++)
                {
                    if (i > 0)
                        _sql.Append(" AND ");
                    Append(operands[i]);
                }
                _sql.Append(')');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(query), query.GetType().Name);
        }
    }

    /// <summary>Times are Unix milliseconds: "before" is at most one millisecond earlier.</summary>
    private void AppendTimeRange(string column, DateTimeOffset? from, DateTimeOffset? before) =>
        AppendRange(column, from?.ToUnixTimeMilliseconds(), before?.ToUnixTimeMilliseconds() - 1);

    private void AppendRange(string column, long? atLeast, long? atMost)
    {
        _sql.Append('(').Append(atLeast is null ? "1" : $"{column} >= {Parameter(atLeast.Value)}")
            .Append(" AND ").Append(atMost is null ? "1" : $"{column} <= {Parameter(atMost.Value)}").Append(')');
    }

    private void AppendUids(IReadOnlyList<UidRange> ranges)
    {
        if (ranges.Count == 0)
        {
            _sql.Append('0');
        }
        else if (ranges.All(r => r.From == r.To))
        {
            _sql.Append("uid IN (SELECT value FROM json_each(").Append(Parameter(SqliteCommands.ToJsonArray(ranges.Select(r => r.From).ToArray()))).Append("))");
        }
        else if (ranges.Count <= MaxInlineUidRanges)
        {
            _sql.Append('(').AppendJoin(" OR ", ranges.Select(r => $"uid BETWEEN {Parameter((long)r.From)} AND {Parameter((long)r.To)}")).Append(')');
        }
        else
        {
            var pairs = "[" + string.Join(',', ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"[{r.From},{r.To}]"))) + "]";
            _sql.Append("EXISTS (SELECT 1 FROM json_each(").Append(Parameter(pairs))
                .Append(") WHERE uid BETWEEN value ->> 0 AND value ->> 1)");
        }
    }

    private void AppendText(MessageTextField field, IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            _sql.Append('1');
            return;
        }
        // An unindexed message (text_id NULL) makes the IN unknown. Outside NOT unknown excludes it as
        // "no" would; under NOT it must be a clear "no" (coalesce), which costs the planner the use of
        // the text_id index, so it is written only there.
        var match = $"text_id IN (SELECT rowid FROM message_text WHERE message_text MATCH {Parameter(FtsExpression(field, words))})";
        _sql.Append(_negations > 0 ? $"coalesce({match}, 0)" : match);
    }

    /// <summary>
    /// An FTS5 query for the words in sequence, each a prefix: <c>{body} : "quarter"* + "report"*</c>
    /// (sqlite.org/fts5.html §3: phrases joined by <c>+</c>, prefix <c>*</c>, column filters). Each word
    /// is a quoted string, so no character of it is read as query syntax.
    /// </summary>
    internal static string FtsExpression(MessageTextField field, IReadOnlyList<string> words)
    {
        var columns = field switch
        {
            MessageTextField.Subject => "subject",
            MessageTextField.From => "from_text",
            MessageTextField.To => "to_text",
            MessageTextField.Cc => "cc_text",
            MessageTextField.Bcc => "bcc_text",
            MessageTextField.Headers => "headers",
            MessageTextField.Body => "body",
            MessageTextField.Anywhere => "headers body",
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        var phrase = string.Join(" + ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
        return "{" + columns + "} : " + phrase;
    }

    private string Parameter(object value)
    {
        var name = "$q" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }
}
