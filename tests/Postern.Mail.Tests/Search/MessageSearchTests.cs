using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Mail.Search;
using Postern.Mime;
using Postern.Storage;
using Postern.Testing;

namespace Postern.Mail.Tests.Search;

public class MessageSearchTests : MailContext
{
    /// <summary>UID 1: the offsite message; 2: a plain one; 3: a big one from Robert with keywords; 4: seen, sent late.</summary>
    private async Task<(MailUser User, AccessibleMailbox Inbox)> FillAsync()
    {
        var alice = await CreateUserAsync();
        var inbox = await MailboxAsync(alice);
        await Appender.AppendAsync(inbox.Record, TestData.Bytes("messages", "offsite.eml"), MessageFlags.None, [], TestMail.BaseDate, Ct);
        await Appender.AppendAsync(inbox.Record, TestMail.Message("Quarterly report", body: "Revenue grew in the third quarter."),
            MessageFlags.Flagged, [], TestMail.BaseDate.AddDays(1), Ct);
        await Appender.AppendAsync(inbox.Record, TestMail.Message("Lunch", from: "Robert Smith <rs@example.org>", body: string.Concat(Enumerable.Repeat("sandwich ", 500)),
            extraHeaders: ["Bcc: secret@example.com", "X-Project: Apollo launch"]), MessageFlags.None, ["Work", "$Todo"], TestMail.BaseDate.AddDays(2), Ct);
        await Appender.AppendAsync(inbox.Record, TestMail.Message("Late", body: "Lunch was great.", date: TestMail.BaseDate.AddDays(30)),
            MessageFlags.Seen, [], TestMail.BaseDate.AddDays(3), Ct);
        return (alice, inbox);
    }

    public static TheoryData<string, uint[]> Cases() => new()
    {
        { "body word in quoted-printable latin-1", [1] },
        { "body word in html only", [] },
        { "body phrase", [2] },
        { "body prefix", [2] },
        { "attachment name", [1] },
        { "forwarded message text", [1] },
        { "subject encoded word", [1] },
        { "from display name", [3] },
        { "to address", [1, 2, 3, 4] },
        { "cc", [1] },
        { "bcc", [3] },
        { "any header", [3] },
        { "header presence", [3] },
        { "header of another field does not count", [] },
        { "text in header or body", [3, 4] },
        { "seen", [4] },
        { "unseen and not flagged", [1, 3] },
        { "keyword", [3] },
        { "arrived on", [2] },
        { "arrived before", [1, 2] },
        { "sent since", [4] },
        { "larger", [3] },
        { "smaller", [2, 4] },
        { "uids", [2, 3] },
        { "or", [2, 4] },
        { "all", [1, 2, 3, 4] },
    };

    private static SearchCriteria Criteria(string name) => name switch
    {
        "body word in quoted-printable latin-1" => new SearchCriteria.BodyContains("brulee"),
        // The HTML alternative says the same as the plain one; only one of them is indexed.
        "body word in html only" => new SearchCriteria.BodyContains("color"),
        "body phrase" => new SearchCriteria.BodyContains("third quarter"),
        "body prefix" => new SearchCriteria.BodyContains("REVEN"),
        "attachment name" => new SearchCriteria.BodyContains("agenda.pdf"),
        "forwarded message text" => new SearchCriteria.BodyContains("hall is booked"),
        "subject encoded word" => new SearchCriteria.HeaderContains("subject", "café menu"),
        "from display name" => new SearchCriteria.HeaderContains("From", "robert"),
        "to address" => new SearchCriteria.HeaderContains("To", "alice@example.com"),
        "cc" => new SearchCriteria.HeaderContains("CC", "eve"),
        "bcc" => new SearchCriteria.HeaderContains("Bcc", "secret"),
        "any header" => new SearchCriteria.HeaderContains("X-Project", "apollo"),
        "header presence" => new SearchCriteria.HeaderContains("x-project", ""),
        "header of another field does not count" => new SearchCriteria.HeaderContains("X-Mailer", "apollo"),
        "text in header or body" => new SearchCriteria.TextContains("lunch"),
        "seen" => new SearchCriteria.Flag(MessageFlags.Seen, true),
        "unseen and not flagged" => new SearchCriteria.And([new SearchCriteria.Flag(MessageFlags.Seen, false), new SearchCriteria.Not(new SearchCriteria.Flag(MessageFlags.Flagged, true))]),
        "keyword" => new SearchCriteria.Keyword("$todo", true),
        "arrived on" => new SearchCriteria.Date(SearchDateField.Internal, SearchDateRelation.On, DateOnly.FromDateTime(TestMail.BaseDate.AddDays(1).UtcDateTime)),
        "arrived before" => new SearchCriteria.Date(SearchDateField.Internal, SearchDateRelation.Before, DateOnly.FromDateTime(TestMail.BaseDate.AddDays(2).UtcDateTime)),
        "sent since" => new SearchCriteria.Date(SearchDateField.Sent, SearchDateRelation.Since, new DateOnly(2024, 5, 20)),
        "larger" => new SearchCriteria.Larger(3000),
        "smaller" => new SearchCriteria.Smaller(400),
        "uids" => new SearchCriteria.Uids([new UidRange(2, 3), new UidRange(9, 12)]),
        "or" => new SearchCriteria.Or(new SearchCriteria.Flag(MessageFlags.Flagged, true), new SearchCriteria.Flag(MessageFlags.Seen, true)),
        "all" => new SearchCriteria.All(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SearchKeysFindTheMessagesTheyDescribe(string criteria, uint[] expected)
    {
        var (_, inbox) = await FillAsync();

        Assert.Equal(expected, await Search.SearchAsync(inbox, Criteria(criteria), null, Ct));
    }

    [Fact]
    public async Task LargerAndSmallerAreStrict()
    {
        var (_, inbox) = await FillAsync();
        var size = (await Store.Messages.GetAsync(inbox.Id, [2], Ct))[0].Size;

        Assert.DoesNotContain(2u, await Search.SearchAsync(inbox, new SearchCriteria.Larger(size), null, Ct));
        Assert.DoesNotContain(2u, await Search.SearchAsync(inbox, new SearchCriteria.Smaller(size), null, Ct));
        Assert.Contains(2u, await Search.SearchAsync(inbox, new SearchCriteria.Larger(size - 1), null, Ct));
    }

    [Fact]
    public async Task DatesAreDaysOfTheSearchersTimeZone()
    {
        var (_, inbox) = await FillAsync();
        // Message 1 arrived at 12:00 UTC on 1 May, message 2 a day later. At UTC+10, 2 May is 1 May 14:00 to
        // 2 May 14:00 UTC; at UTC+14 it is 1 May 10:00 to 2 May 10:00 UTC.
        var day = new DateOnly(2024, 5, 2);
        var on = new SearchCriteria.Date(SearchDateField.Internal, SearchDateRelation.On, day);
        var plusTen = TimeZoneInfo.CreateCustomTimeZone("UTC+10", TimeSpan.FromHours(10), "UTC+10", "UTC+10");
        var plusFourteen = TimeZoneInfo.CreateCustomTimeZone("UTC+14", TimeSpan.FromHours(14), "UTC+14", "UTC+14");

        Assert.Equal([2u], await Search.SearchAsync(inbox, on, plusTen, Ct));
        Assert.Equal([1u], await Search.SearchAsync(inbox, on, plusFourteen, Ct));
    }

    [Fact]
    public async Task MessagesStoredBeforeTheIndexExistedAreIndexedBeforeATextSearch()
    {
        var (_, inbox) = await FillAsync();
        var unindexed = StoredMessages.Create(TestMail.Message("Old mail", body: "archaeology"), MessageFlags.None, [], TestMail.BaseDate) with { Text = null };
        await Store.Messages.AppendAsync(inbox.Id, [unindexed], Ct);
        Assert.Single(await Store.Messages.ListUnindexedAsync(inbox.Id, 10, Ct));

        Assert.Equal([5u], await Search.SearchAsync(inbox, new SearchCriteria.BodyContains("archaeology"), null, Ct));
        Assert.Empty(await Store.Messages.ListUnindexedAsync(inbox.Id, 10, Ct));
    }

    [Fact]
    public async Task SearchNeedsTheReadRightAndBoundsItsSize()
    {
        var (alice, _) = await FillAsync();
        var bob = await CreateUserAsync("bob@example.com");
        await Mailboxes.SetRightsAsync((await MailboxAsync(alice)).Record, "bob@example.com", MailboxRights.Lookup, Ct);
        var seenByBob = await Access.GetAsync(bob, "~alice/INBOX", Ct);
        var inbox = await MailboxAsync(alice);

        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Search.SearchAsync(seenByBob, new SearchCriteria.All(), null, Ct));
        var tooMany = new SearchCriteria.And(Enumerable.Repeat<SearchCriteria>(new SearchCriteria.All(), SearchLimits.MaxConditions).ToArray());
        await Assert.ThrowsAsync<MailException>(() => Search.SearchAsync(inbox, tooMany, null, Ct));
        await Assert.ThrowsAsync<MailException>(() => Search.SearchAsync(inbox, new SearchCriteria.BodyContains(new string('x', SearchLimits.MaxTextLength + 1)), null, Ct));
    }
}
