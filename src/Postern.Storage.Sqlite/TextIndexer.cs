using Microsoft.Data.Sqlite;

namespace Postern.Storage.Sqlite;

/// <summary>Writes messages' words into the full-text index (<c>message_text</c>) and drops words no message refers to any more.</summary>
internal sealed class TextIndexer : IAsyncDisposable
{
    private readonly SqliteCommand _insert;

    /// <summary>A prepared insert for the words of many messages in one transaction.</summary>
    public TextIndexer(SqliteTransaction transaction)
    {
        // A virtual table has no RETURNING; last_insert_rowid() in the same command gives the new id.
        _insert = transaction.Command(
            """
            INSERT INTO message_text (subject, from_text, to_text, cc_text, bcc_text, headers, body)
            VALUES ($subject, $from, $to, $cc, $bcc, $headers, $body);
            SELECT last_insert_rowid();
            """);
        foreach (var name in new[] { "$subject", "$from", "$to", "$cc", "$bcc", "$headers", "$body" })
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
    }

    /// <returns>The text id the message row keeps.</returns>
    public async Task<long> InsertAsync(MessageText text, CancellationToken cancellationToken)
    {
        var p = _insert.Parameters;
        p[0].Value = text.Subject;
        p[1].Value = text.From;
        p[2].Value = text.To;
        p[3].Value = text.Cc;
        p[4].Value = text.Bcc;
        p[5].Value = text.Headers;
        p[6].Value = text.Body;
        return (long)(await _insert.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Deletes the words of the given text ids that no message refers to any more (the last copy went).</summary>
    public static Task DeleteUnreferencedAsync(SqliteTransaction transaction, IEnumerable<long> textIds, CancellationToken cancellationToken)
    {
        var ids = "[" + string.Join(',', textIds.Distinct()) + "]";
        return ids == "[]"
            ? Task.CompletedTask
            : transaction.ExecuteAsync(
                """
                DELETE FROM message_text WHERE rowid IN (
                    SELECT value FROM json_each($ids) WHERE NOT EXISTS (SELECT 1 FROM messages WHERE text_id = value))
                """,
                cancellationToken, ("$ids", ids));
    }

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}
