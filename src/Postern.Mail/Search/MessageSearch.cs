using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mime;
using Postern.Mime.Headers;
using Postern.Storage;

namespace Postern.Mail.Search;

/// <summary>
/// Searches a mailbox: turns <see cref="SearchCriteria"/> into one store query, indexing first any
/// messages the full-text index has not seen, so that a search never silently misses a message.
/// </summary>
/// <remarks>
/// From, To, Cc, Bcc, Subject, body and text conditions go to the full-text index directly. A
/// condition on any other header field finds candidates through the index of all header text, then
/// checks the named field in each candidate's stored header block.
/// </remarks>
public sealed class MessageSearch(IStore store)
{
    /// <summary>Header fields the full-text index keeps apart.</summary>
    private static readonly Dictionary<string, MessageTextField> s_indexedFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Subject"] = MessageTextField.Subject,
        ["From"] = MessageTextField.From,
        ["To"] = MessageTextField.To,
        ["Cc"] = MessageTextField.Cc,
        ["Bcc"] = MessageTextField.Bcc,
    };

    /// <summary>Header blocks read per round when checking a header field in candidates.</summary>
    private const int HeaderCheckBatch = 500;

    /// <summary>The UIDs of the mailbox's messages that match, in UID order; the user needs the read right.</summary>
    /// <param name="timeZone">The zone whose days date conditions mean (the user's); null is UTC.</param>
    /// <exception cref="MailException">The search is too large, or the read right is missing.</exception>
    public Task<IReadOnlyList<uint>> SearchAsync(
        AccessibleMailbox mailbox, SearchCriteria criteria, TimeZoneInfo? timeZone, CancellationToken cancellationToken)
    {
        mailbox.Require(MailboxRights.Read, "search its messages");
        return SearchAsync(mailbox.Id, criteria, timeZone, within: null, cancellationToken);
    }

    /// <summary>The matching UIDs, only among <paramref name="within"/> when it is given.</summary>
    internal async Task<IReadOnlyList<uint>> SearchAsync(
        long mailboxId, SearchCriteria criteria, TimeZoneInfo? timeZone, IReadOnlyList<uint>? within, CancellationToken cancellationToken)
    {
        var conditions = Count(criteria);
        if (conditions > SearchLimits.MaxConditions)
            throw new MailException($"a search may have at most {SearchLimits.MaxConditions} conditions; this one has {conditions}");
        if (criteria.UsesText)
            await IndexPendingAsync(mailboxId, cancellationToken);

        var scope = within is null ? null : new MessageQuery.Uids(within.Select(uid => new UidRange(uid, uid)).ToArray());
        var query = await CompileAsync(mailboxId, criteria, timeZone ?? TimeZoneInfo.Utc, scope, cancellationToken);
        return await store.Messages.SearchAsync(mailboxId, scope is null ? query : new MessageQuery.And([scope, query]), cancellationToken);
    }

    /// <summary>Indexes the mailbox's messages that are not in the full-text index yet (stored before it existed).</summary>
    private async Task IndexPendingAsync(long mailboxId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = await store.Messages.ListUnindexedAsync(mailboxId, SearchLimits.IndexingBatch, cancellationToken);
            foreach (var uid in pending)
            {
                ContentLease lease;
                try
                {
                    lease = await store.Messages.LeaseContentAsync(mailboxId, uid, cancellationToken);
                }
                catch (StoreNotFoundException)
                {
                    // Expunged since it was listed: nothing to index.
                    continue;
                }
                MessageText text;
                using (lease)
                    text = MessageTextExtractor.Extract(MimeMessage.Parse(lease.Content));
                await store.Messages.SetTextAsync(mailboxId, uid, text, cancellationToken);
            }
            if (pending.Count < SearchLimits.IndexingBatch)
                return;
        }
    }

    private async Task<MessageQuery> CompileAsync(
        long mailboxId, SearchCriteria criteria, TimeZoneInfo zone, MessageQuery? scope, CancellationToken cancellationToken) => criteria switch
    {
        SearchCriteria.All => new MessageQuery.All(),
        SearchCriteria.Flag(var flags, var present) => new MessageQuery.Flags(present
            ? new MessageFlagFilter(flags, MessageFlags.None)
            : new MessageFlagFilter(MessageFlags.None, flags)),
        SearchCriteria.Keyword(var name, var present) => new MessageQuery.Keyword(name, present),
        SearchCriteria.HeaderContains(var field, var text) when s_indexedFields.TryGetValue(field, out var indexed) && text.Length > 0 =>
            new MessageQuery.Text(indexed, Words(text)),
        SearchCriteria.HeaderContains(var field, var text) => await CheckHeaderFieldAsync(mailboxId, field, text, scope, cancellationToken),
        SearchCriteria.BodyContains(var text) => new MessageQuery.Text(MessageTextField.Body, Words(text)),
        SearchCriteria.TextContains(var text) => new MessageQuery.Text(MessageTextField.Anywhere, Words(text)),
        SearchCriteria.Date(var field, var relation, var day) => DateQuery(field, relation, day, zone),
        // RFC 3501 §6.4.4: LARGER and SMALLER are strict.
        SearchCriteria.Larger(var octets) => new MessageQuery.Size(octets + 1, null),
        SearchCriteria.Smaller(var octets) => new MessageQuery.Size(null, octets - 1),
        SearchCriteria.Uids(var ranges) => new MessageQuery.Uids(ranges),
        SearchCriteria.Not(var operand) => new MessageQuery.Not(await CompileAsync(mailboxId, operand, zone, scope, cancellationToken)),
        SearchCriteria.Or(var left, var right) => new MessageQuery.Or(
            await CompileAsync(mailboxId, left, zone, scope, cancellationToken), await CompileAsync(mailboxId, right, zone, scope, cancellationToken)),
        SearchCriteria.And(var operands) => new MessageQuery.And(
            await Task.WhenAll(operands.Select(o => CompileAsync(mailboxId, o, zone, scope, cancellationToken)))),
        _ => throw new ArgumentOutOfRangeException(nameof(criteria), criteria.GetType().Name),
    };

    /// <summary>
    /// A condition on a header field the index does not keep apart (or on a field's mere presence): the
    /// candidates whose header text holds the words, checked field by field in their stored header blocks.
    /// </summary>
    private async Task<MessageQuery> CheckHeaderFieldAsync(
        long mailboxId, string field, string text, MessageQuery? scope, CancellationToken cancellationToken)
    {
        var words = Words(text);
        MessageQuery candidates = new MessageQuery.Text(MessageTextField.Headers, words);
        var candidateUids = await store.Messages.SearchAsync(
            mailboxId, scope is null ? candidates : new MessageQuery.And([scope, candidates]), cancellationToken);
        var matching = new List<UidRange>();
        foreach (var batch in candidateUids.Chunk(HeaderCheckBatch))
        {
            foreach (var record in await store.Messages.GetAsync(mailboxId, batch, cancellationToken))
            {
                var headers = HeaderList.Parse(record.Summary.HeaderBlock);
                if (headers.GetAll(field).Any(f => SearchWords.Matches(f.GetText(), words)))
                    matching.Add(new UidRange(record.Uid, record.Uid));
            }
        }
        return new MessageQuery.Uids(matching);
    }

    /// <summary>Days are the searcher's: ON 5 March is from its midnight to the next (RFC 3501 compares dates without time).</summary>
    private static MessageQuery DateQuery(SearchDateField field, SearchDateRelation relation, DateOnly day, TimeZoneInfo zone)
    {
        var start = StartOfDay(day, zone);
        var next = StartOfDay(day.AddDays(1), zone);
        var (from, before) = relation switch
        {
            SearchDateRelation.Before => ((DateTimeOffset?)null, (DateTimeOffset?)start),
            SearchDateRelation.On => (start, next),
            _ => (start, null),
        };
        return field == SearchDateField.Internal ? new MessageQuery.InternalDate(from, before) : new MessageQuery.SentDate(from, before);
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a daylight-saving change starts the day an hour later.
        while (zone.IsInvalidTime(midnight))
            midnight = midnight.AddHours(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private static IReadOnlyList<string> Words(string text)
    {
        if (text.Length > SearchLimits.MaxTextLength)
            throw new MailException($"a search text may have at most {SearchLimits.MaxTextLength} characters");
        return SearchWords.Split(text);
    }

    private static int Count(SearchCriteria criteria) => criteria switch
    {
        SearchCriteria.Not(var operand) => 1 + Count(operand),
        SearchCriteria.Or(var left, var right) => 1 + Count(left) + Count(right),
        SearchCriteria.And(var operands) => 1 + operands.Sum(Count),
        _ => 1,
    };
}
