using Postern.Storage;

namespace Postern.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset s_day = new(2024, 3, 10, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Four messages with distinct flags, keywords, dates, sizes and words.</summary>
    private async Task<MailboxRecord> CreateSearchMailboxAsync()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id,
        [
            TestMessages.Create("Quarterly report", from: "Alice <alice@example.com>", bodyLines: 1, flags: MessageFlags.Seen,
                keywords: ["Work"], internalDate: s_day, sentDate: s_day.AddDays(-1), bodyText: "The budget looks fine"),
            TestMessages.Create("Lunch on Friday", from: "Bob <bob@example.org>", bodyLines: 10, flags: MessageFlags.Flagged,
                internalDate: s_day.AddDays(1), sentDate: s_day.AddDays(1), bodyText: "Café crème at noon"),
            TestMessages.Create("Re: Quarterly report", from: "Carol <carol@example.com>", bodyLines: 50,
                keywords: ["work", "Later"], internalDate: s_day.AddDays(2), sentDate: null, bodyText: "report the budget numbers"),
            TestMessages.Create("Unindexed", from: "Dan <dan@example.com>", bodyLines: 1, flags: MessageFlags.Seen | MessageFlags.Deleted,
                internalDate: s_day.AddDays(3), sentDate: s_day.AddDays(3), bodyText: "budget", indexed: false),
        ], Ct);
        return mailbox;
    }

    private Task<IReadOnlyList<uint>> SearchAsync(MailboxRecord mailbox, MessageQuery query) =>
        Store.Messages.SearchAsync(mailbox.Id, query, Ct);

    private static MessageQuery.Text Words(MessageTextField field, params string[] words) => new(field, words);

    public static TheoryData<string, uint[]> MetadataQueries() => new()
    {
        { "all", [1, 2, 3, 4] },
        { "seen", [1, 4] },
        { "unseen", [2, 3] },
        { "seen and not deleted", [1] },
        { "keyword work", [1, 3] },
        { "no keyword later", [1, 2, 4] },
        { "arrived on the second day", [2] },
        { "arrived before the third day", [1, 2] },
        { "sent from the third day", [3, 4] },
        { "at least 400 bytes", [2, 3] },
        { "at most 300 bytes", [1, 4] },
        { "uid 2 or 4", [2, 4] },
        { "uids 1 to 2 and 4 to 9", [1, 2, 4] },
        { "twenty single ranges", [1, 3] },
        { "twenty wide ranges", [2, 3, 4] },
        { "no uids", [] },
        { "empty and", [1, 2, 3, 4] },
    };

    private static MessageQuery MetadataQuery(string name) => name switch
    {
        "all" => new MessageQuery.All(),
        "seen" => new MessageQuery.Flags(new MessageFlagFilter(MessageFlags.Seen, MessageFlags.None)),
        "unseen" => new MessageQuery.Not(new MessageQuery.Flags(new MessageFlagFilter(MessageFlags.Seen, MessageFlags.None))),
        "seen and not deleted" => new MessageQuery.Flags(new MessageFlagFilter(MessageFlags.Seen, MessageFlags.Deleted)),
        "keyword work" => new MessageQuery.Keyword("WORK", true),
        "no keyword later" => new MessageQuery.Keyword("later", false),
        "arrived on the second day" => new MessageQuery.InternalDate(s_day.AddDays(1), s_day.AddDays(2)),
        "arrived before the third day" => new MessageQuery.InternalDate(null, s_day.AddDays(2)),
        // Message 3 has no Date: it is judged by its arrival on the third day.
        "sent from the third day" => new MessageQuery.SentDate(s_day.AddDays(2), null),
        "at least 400 bytes" => new MessageQuery.Size(400, null),
        "at most 300 bytes" => new MessageQuery.Size(null, 300),
        "uid 2 or 4" => new MessageQuery.Or(new MessageQuery.Uids([new UidRange(2, 2)]), new MessageQuery.Uids([new UidRange(4, 4)])),
        "uids 1 to 2 and 4 to 9" => new MessageQuery.Uids([new UidRange(1, 2), new UidRange(4, 9)]),
        "twenty single ranges" => new MessageQuery.Uids([.. Enumerable.Range(0, 20).Select(i => new UidRange((uint)(i * 2 + 1), (uint)(i * 2 + 1)))]),
        "twenty wide ranges" => new MessageQuery.Uids([.. Enumerable.Range(0, 20).Select(i => new UidRange((uint)(i * 10 + 2), (uint)(i * 10 + 4)))]),
        "no uids" => new MessageQuery.Uids([]),
        "empty and" => new MessageQuery.And([]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(MetadataQueries))]
    public async Task SearchEvaluatesMetadataConditions(string query, uint[] expected)
    {
        var mailbox = await CreateSearchMailboxAsync();
        var sizes = (await Store.Messages.GetAsync(mailbox.Id, [1, 2, 3, 4], Ct)).Select(m => m.Size).ToArray();
        Assert.True(sizes[0] <= 300 && sizes[3] <= 300 && sizes[1] >= 400 && sizes[2] >= 400, string.Join(",", sizes));

        Assert.Equal(expected, await SearchAsync(mailbox, MetadataQuery(query)));
    }

    public static TheoryData<MessageTextField, string[], uint[]> TextQueries() => new()
    {
        { MessageTextField.Body, ["budget"], [1, 3] },
        { MessageTextField.Body, ["BUDG"], [1, 3] },
        { MessageTextField.Body, ["the", "budget"], [1, 3] },
        { MessageTextField.Body, ["budget", "the"], [] },
        { MessageTextField.Body, ["cafe", "creme"], [2] },
        { MessageTextField.Body, ["friday"], [2] },
        { MessageTextField.Body, ["port"], [] },
        { MessageTextField.Subject, ["quarterly", "report"], [1, 3] },
        { MessageTextField.Subject, ["re"], [1, 3] },
        { MessageTextField.Subject, ["re", "quarterly"], [3] },
        { MessageTextField.From, ["example", "org"], [2] },
        { MessageTextField.From, ["alice@example.com"], [1] },
        { MessageTextField.To, ["bob"], [1, 2, 3] },
        { MessageTextField.Cc, ["bob"], [] },
        { MessageTextField.Headers, ["carol"], [3] },
        { MessageTextField.Anywhere, ["noon"], [2] },
        { MessageTextField.Anywhere, ["carol"], [3] },
        { MessageTextField.Body, ["quote\"d"], [] },
        { MessageTextField.Body, [], [1, 2, 3, 4] },
    };

    [Theory]
    [MemberData(nameof(TextQueries))]
    public async Task SearchFindsWordsAndWordPrefixesInOrderIgnoringCaseAndAccents(MessageTextField field, string[] words, uint[] expected)
    {
        var mailbox = await CreateSearchMailboxAsync();

        Assert.Equal(expected, await SearchAsync(mailbox, Words(field, words)));
    }

    [Fact]
    public async Task SearchCombinesConditions()
    {
        var mailbox = await CreateSearchMailboxAsync();

        var query = new MessageQuery.And(
        [
            new MessageQuery.Or(Words(MessageTextField.Body, "budget"), Words(MessageTextField.Subject, "lunch")),
            new MessageQuery.Not(new MessageQuery.Flags(new MessageFlagFilter(MessageFlags.Flagged, MessageFlags.None))),
        ]);

        Assert.Equal([1u, 3u], await SearchAsync(mailbox, query));
        Assert.Equal([2u, 4u], await SearchAsync(mailbox, new MessageQuery.Not(Words(MessageTextField.Body, "budget"))));
    }

    [Fact]
    public async Task UnindexedMessagesAreReportedUntilTheirTextIsSet()
    {
        var mailbox = await CreateSearchMailboxAsync();
        Assert.Equal([4u], await Store.Messages.ListUnindexedAsync(mailbox.Id, 10, Ct));

        await Store.Messages.SetTextAsync(mailbox.Id, 4, MessageText.Empty with { Body = "budget overrun" }, Ct);
        await Store.Messages.SetTextAsync(mailbox.Id, 1, MessageText.Empty with { Body = "overrun" }, Ct);

        Assert.Empty(await Store.Messages.ListUnindexedAsync(mailbox.Id, 10, Ct));
        Assert.Equal([4u], await SearchAsync(mailbox, Words(MessageTextField.Body, "overrun")));
        Assert.Equal([1u, 3u, 4u], await SearchAsync(mailbox, Words(MessageTextField.Body, "budget")));
    }

    [Fact]
    public async Task CopiesAreFoundByTheirWordsAfterTheOriginalIsExpunged()
    {
        var mailbox = await CreateSearchMailboxAsync();
        var archive = await CreateMailboxAsync("Archive");

        await Store.Messages.CopyAsync(mailbox.Id, [1, 2], archive.Id, move: false, Ct);
        await Store.Messages.CopyAsync(mailbox.Id, [3], archive.Id, move: true, Ct);
        await Store.Messages.ExpungeAsync(mailbox.Id, [1], Ct);

        Assert.Equal([1u, 3u], await SearchAsync(archive, Words(MessageTextField.Body, "budget")));
        Assert.Empty(await SearchAsync(mailbox, Words(MessageTextField.Body, "budget")));
        Assert.Equal([2u], await SearchAsync(mailbox, Words(MessageTextField.Body, "noon")));
    }

    [Fact]
    public async Task StatisticsCountRecentAndMediaAndFindTheOldestArrival()
    {
        var mailbox = await CreateMailboxAsync();
        Assert.Equal(new MailboxStatistics(null, 0, 0, 0), await Store.Messages.GetStatisticsAsync(mailbox.Id, Ct));
        await Store.Messages.AppendAsync(mailbox.Id,
        [
            TestMessages.Create("a", flags: MessageFlags.Recent, internalDate: s_day.AddDays(1)),
            TestMessages.Create("b", flags: MessageFlags.Media | MessageFlags.Recent, internalDate: s_day),
            TestMessages.Create("c", flags: MessageFlags.Media | MessageFlags.Seen, internalDate: s_day.AddDays(2)),
        ], Ct);

        Assert.Equal(new MailboxStatistics(s_day, 2, 2, 1), await Store.Messages.GetStatisticsAsync(mailbox.Id, Ct));
    }

    [Fact]
    public async Task ListingCarriesTheModificationSequenceOfItsSnapshot()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("a"), TestMessages.Create("b")], Ct);
        await Store.Messages.ExpungeAsync(mailbox.Id, [2], Ct);

        var listing = await Store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct);

        Assert.Equal((await ReloadAsync(mailbox)).HighestModSeq, listing.HighestModSeq);
        Assert.True(listing.HighestModSeq > listing.Entries.Single().ModSeq);
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Messages.ListAsync(12345, MessageSortField.Uid, false, MessageFlagFilter.All, Ct));
    }
}
