using Microsoft.Data.Sqlite;
using Postern.Storage.Sqlite.Blobs;

namespace Postern.Storage.Sqlite;

/// <summary>How messages map to rows: the column lists, the insert statement and the readers.</summary>
internal static class MessageRows
{
    /// <summary>Columns of <c>messages m</c> joined with <c>message_details d</c>, in the order <see cref="MapRecord"/> reads them.</summary>
    public const string RecordColumns =
        "m.mailbox_id, m.uid, m.modseq, m.flags, m.keywords, m.internal_date, m.size, d.headers, m.sent_date, " +
        "m.subject_key, m.from_key, m.to_key, m.has_attachments, m.priority, m.header_msgid, d.preview";

    public const string RecordFrom = "messages m JOIN message_details d ON d.message_rowid = m.id";

    /// <summary>One prepared pair of insert statements, reused for every message of a batch.</summary>
    public sealed class Inserter : IAsyncDisposable
    {
        private readonly SqliteCommand _message;
        private readonly SqliteCommand _details;
        private readonly TextIndexer _text;

        public Inserter(SqliteTransaction transaction)
        {
            _message = transaction.Command(
                """
                INSERT INTO messages (mailbox_id, uid, modseq, flags, keywords, internal_date, sent_date, size, pack_id,
                    pack_offset, subject_key, from_key, to_key, has_attachments, priority, header_msgid, text_id)
                VALUES ($mailbox, $uid, $modseq, $flags, $keywords, $internal, $sent, $size, $pack, $offset, $subject,
                    $from, $to, $attachments, $priority, $msgid, $text)
                RETURNING id
                """);
            foreach (var name in new[] { "$mailbox", "$uid", "$modseq", "$flags", "$keywords", "$internal", "$sent", "$size",
                         "$pack", "$offset", "$subject", "$from", "$to", "$attachments", "$priority", "$msgid", "$text" })
                _message.Parameters.Add(new SqliteParameter { ParameterName = name });
            _details = transaction.Command("INSERT INTO message_details (message_rowid, headers, preview) VALUES ($row, $headers, $preview)");
            foreach (var name in new[] { "$row", "$headers", "$preview" })
                _details.Parameters.Add(new SqliteParameter { ParameterName = name });
            _text = new TextIndexer(transaction);
        }

        public async Task InsertAsync(long mailboxId, uint uid, long modseq, NewMessage message, BlobLocation location, CancellationToken cancellationToken)
        {
            var summary = message.Summary;
            // The words go in first: the row refers to them by their id.
            object textId = message.Text is { } text ? await _text.InsertAsync(text, cancellationToken) : DBNull.Value;
            var p = _message.Parameters;
            p[0].Value = mailboxId;
            p[1].Value = (long)uid;
            p[2].Value = modseq;
            p[3].Value = (int)message.Flags;
            p[4].Value = Keywords.Join(message.Keywords);
            p[5].Value = UnixTime.From(message.InternalDate);
            p[6].Value = summary.SentDate is { } sent ? UnixTime.From(sent) : DBNull.Value;
            p[7].Value = location.Length;
            p[8].Value = location.PackId;
            p[9].Value = location.Offset;
            p[10].Value = summary.SubjectSortKey;
            p[11].Value = summary.FromSortKey;
            p[12].Value = summary.ToSortKey;
            p[13].Value = summary.HasAttachments ? 1 : 0;
            p[14].Value = (int)summary.Priority;
            p[15].Value = (object?)summary.MessageId ?? DBNull.Value;
            p[16].Value = textId;
            var rowId = (long)(await _message.ExecuteScalarAsync(cancellationToken))!;

            var d = _details.Parameters;
            d[0].Value = rowId;
            d[1].Value = summary.HeaderBlock.ToArray();
            d[2].Value = summary.Preview;
            await _details.ExecuteNonQueryAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await _message.DisposeAsync();
            await _details.DisposeAsync();
            await _text.DisposeAsync();
        }
    }

    public static MessageRecord MapRecord(SqliteDataReader reader) => new(
        MailboxId: reader.GetInt64(0),
        Uid: (uint)reader.GetInt64(1),
        ModSeq: reader.GetInt64(2),
        Flags: (MessageFlags)reader.GetInt32(3),
        Keywords: Keywords.Split(reader.GetString(4)),
        InternalDate: UnixTime.To(reader.GetInt64(5)),
        Size: reader.GetInt64(6),
        Summary: new MessageSummary(
            HeaderBlock: (byte[])reader.GetValue(7),
            SentDate: reader.IsDBNull(8) ? null : UnixTime.To(reader.GetInt64(8)),
            SubjectSortKey: reader.GetString(9),
            FromSortKey: reader.GetString(10),
            ToSortKey: reader.GetString(11),
            HasAttachments: reader.GetInt64(12) != 0,
            Priority: (MessagePriority)reader.GetInt32(13),
            MessageId: reader.IsDBNull(14) ? null : reader.GetString(14),
            Preview: reader.GetString(15)));

    public static MessageViewEntry MapViewEntry(SqliteDataReader reader) =>
        new((uint)reader.GetInt64(0), (MessageFlags)reader.GetInt32(1), reader.GetInt64(2));

    public static int UnseenCount(IEnumerable<MessageFlags> flags) => flags.Count(f => (f & MessageFlags.Seen) == 0);
}

/// <summary>Keywords are stored as one space-separated column: IMAP keywords are atoms and contain no spaces.</summary>
internal static class Keywords
{
    public static string Join(IReadOnlyList<string> keywords) => string.Join(' ', keywords);

    /// <summary>Rejects a keyword the column could not keep apart from its neighbours.</summary>
    public static void Validate(IReadOnlyList<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (keyword.Length == 0 || keyword.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw new ArgumentException($"keyword \"{keyword}\" is empty or contains white space", nameof(keywords));
        }
    }

    public static IReadOnlyList<string> Split(string stored) =>
        stored.Length == 0 ? [] : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Removes, then adds, keywords, comparing them case-insensitively as IMAP does (RFC 3501 §2.3.2).</summary>
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> current, IReadOnlyList<string> add, IReadOnlyList<string> remove)
    {
        var result = current.Where(k => !remove.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var keyword in add)
        {
            if (!result.Contains(keyword, StringComparer.OrdinalIgnoreCase))
                result.Add(keyword);
        }
        return result;
    }
}
