using Postern.Storage;

namespace Postern.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task AppendedMessagesGetIncreasingUidsAndKeepTheirBytes()
    {
        var mailbox = await CreateMailboxAsync();
        var messages = new[] { TestMessages.Create("one"), TestMessages.Create("two", bodyLines: 500) };

        var appended = await Store.Messages.AppendAsync(mailbox.Id, messages, Ct);

        Assert.Equal([1u, 2u], appended.Select(a => a.Uid));
        for (var i = 0; i < messages.Length; i++)
        {
            await using var content = await Store.Messages.OpenContentAsync(mailbox.Id, appended[i].Uid, Ct);
            Assert.NotNull(content);
            Assert.Equal(messages[i].Content.ToArray(), await TestMessages.ReadAllAsync(content));
        }
        Assert.Null(await Store.Messages.OpenContentAsync(mailbox.Id, 3, Ct));
    }

    [Fact]
    public async Task MessageContentStreamIsSeekable()
    {
        var mailbox = await CreateMailboxAsync();
        var message = TestMessages.Create("seek", bodyLines: 100);
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("before"), message], Ct);

        await using var content = (await Store.Messages.OpenContentAsync(mailbox.Id, 2, Ct))!;
        Assert.Equal(message.Content.Length, content.Length);
        content.Seek(-10, SeekOrigin.End);
        var tail = new byte[20];
        var read = await content.ReadAsync(tail);

        Assert.Equal(10, read);
        Assert.Equal(message.Content[^10..].ToArray(), tail[..10]);
    }

    [Fact]
    public async Task AppendKeepsMetadataAndSummary()
    {
        var mailbox = await CreateMailboxAsync();
        var internalDate = new DateTimeOffset(2023, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var sent = new DateTimeOffset(2023, 3, 4, 1, 2, 3, TimeSpan.Zero);
        var message = TestMessages.Create("Hello", flags: MessageFlags.Seen | MessageFlags.Label2, keywords: ["$Work", "todo"],
            internalDate: internalDate, sentDate: sent, priority: MessagePriority.High);

        await Store.Messages.AppendAsync(mailbox.Id, [message], Ct);

        var stored = Assert.Single(await Store.Messages.GetAsync(mailbox.Id, [1], Ct));
        Assert.Equal(MessageFlags.Seen | MessageFlags.Label2, stored.Flags);
        Assert.Equal(["$Work", "todo"], stored.Keywords);
        Assert.Equal(internalDate, stored.InternalDate);
        Assert.Equal(message.Content.Length, stored.Size);
        Assert.Equal(sent, stored.Summary.SentDate);
        Assert.Equal(message.Summary.HeaderBlock.ToArray(), stored.Summary.HeaderBlock.ToArray());
        Assert.Equal("hello", stored.Summary.SubjectSortKey);
        Assert.Equal(MessagePriority.High, stored.Summary.Priority);
        Assert.Equal(message.Summary.Preview, stored.Summary.Preview);
    }

    [Fact]
    public async Task AppendMaintainsMailboxCounters()
    {
        var mailbox = await CreateMailboxAsync();
        var messages = new[] { TestMessages.Create("a"), TestMessages.Create("b", flags: MessageFlags.Seen), TestMessages.Create("c") };

        await Store.Messages.AppendAsync(mailbox.Id, messages, Ct);

        var reloaded = await ReloadAsync(mailbox);
        Assert.Equal(3, reloaded.MessageCount);
        Assert.Equal(2, reloaded.UnseenCount);
        Assert.Equal(messages.Sum(m => (long)m.Content.Length), reloaded.TotalSize);
        Assert.Equal(4u, reloaded.UidNext);
        Assert.True(reloaded.HighestModSeq > mailbox.HighestModSeq);
    }

    [Fact]
    public async Task AppendToAMissingMailboxIsNotFound()
    {
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Messages.AppendAsync(12345, [TestMessages.Create("x")], Ct));
    }

    [Fact]
    public async Task KeywordWithWhiteSpaceIsRejected()
    {
        var mailbox = await CreateMailboxAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("x", keywords: ["a b"])], Ct));
    }

    [Fact]
    public async Task ConcurrentAppendersAllGetDistinctUids()
    {
        var mailbox = await CreateMailboxAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var uids = new List<uint>();
            for (var i = 0; i < 20; i++)
                uids.AddRange((await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create($"w{writer} m{i}")], Ct)).Select(a => a.Uid));
            return uids;
        })));

        var all = results.SelectMany(uids => uids).ToArray();
        Assert.Equal(160, all.Distinct().Count());
        Assert.Equal(160, (await ReloadAsync(mailbox)).MessageCount);
    }

    [Fact]
    public async Task UidsAreNeverReusedAfterExpunge()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("a"), TestMessages.Create("b")], Ct);
        await Store.Messages.ExpungeAsync(mailbox.Id, [2], Ct);

        var appended = await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("c")], Ct);

        Assert.Equal(3u, appended[0].Uid);
    }

    public static TheoryData<MessageSortField, bool, uint[]> SortCases() => new()
    {
        { MessageSortField.Uid, false, [1, 2, 3, 4] },
        { MessageSortField.Uid, true, [4, 3, 2, 1] },
        { MessageSortField.Subject, false, [2, 4, 3, 1] },
        { MessageSortField.Subject, true, [1, 3, 4, 2] },
        { MessageSortField.From, false, [3, 1, 2, 4] },
        { MessageSortField.To, false, [4, 1, 2, 3] },
        { MessageSortField.InternalDate, false, [4, 1, 3, 2] },
        { MessageSortField.InternalDate, true, [2, 3, 1, 4] },
        { MessageSortField.SentDate, false, [3, 4, 2, 1] },
        { MessageSortField.Size, false, [1, 4, 2, 3] },
        { MessageSortField.Priority, false, [4, 1, 2, 3] },
    };

    [Theory]
    [MemberData(nameof(SortCases))]
    public async Task ListSortsByTheFieldAndBreaksTiesByUid(MessageSortField field, bool descending, uint[] expected)
    {
        var mailbox = await CreateMailboxAsync();
        var day = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await Store.Messages.AppendAsync(mailbox.Id,
        [
            TestMessages.Create("zulu", from: "m", to: "b", bodyLines: 1, internalDate: day.AddDays(2), sentDate: day.AddDays(3)),
            TestMessages.Create("alpha", from: "x", to: "c", bodyLines: 30, internalDate: day.AddDays(3), sentDate: day.AddDays(2)),
            TestMessages.Create("mike", from: "a", to: "d", bodyLines: 40, internalDate: day.AddDays(2), sentDate: day.AddDays(1)),
            // No Date header: sorts by its arrival time among the sent dates.
            TestMessages.Create("bravo", from: "x", to: "a", bodyLines: 20, internalDate: day.AddHours(36), sentDate: null,
                priority: MessagePriority.High),
        ], Ct);

        var listed = await Store.Messages.ListAsync(mailbox.Id, field, descending, MessageFlagFilter.All, Ct);

        Assert.Equal(expected, listed.Entries.Select(e => e.Uid));
    }

    [Fact]
    public async Task ListKeepsOnlyMessagesPassingTheFlagFilter()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id,
        [
            TestMessages.Create("a", flags: MessageFlags.Seen),
            TestMessages.Create("b", flags: MessageFlags.Flagged),
            TestMessages.Create("c", flags: MessageFlags.Seen | MessageFlags.Flagged | MessageFlags.Deleted),
            TestMessages.Create("d"),
        ], Ct);

        var unseen = await Store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, false, new MessageFlagFilter(MessageFlags.None, MessageFlags.Seen), Ct);
        var flaggedUndeleted = await Store.Messages.ListAsync(mailbox.Id, MessageSortField.Subject, false,
            new MessageFlagFilter(MessageFlags.Flagged, MessageFlags.Deleted), Ct);

        Assert.Equal([2u, 4u], unseen.Entries.Select(e => e.Uid));
        Assert.Equal([2u], flaggedUndeleted.Entries.Select(e => e.Uid));
    }

    [Theory]
    [InlineData(MessageFlags.Seen | MessageFlags.Flagged, true)]
    [InlineData(MessageFlags.Flagged, false)]
    [InlineData(MessageFlags.Seen | MessageFlags.Flagged | MessageFlags.Deleted, false)]
    public void FlagFilterNeedsEveryRequiredFlagAndNoExcludedOne(MessageFlags flags, bool matches)
    {
        var filter = new MessageFlagFilter(MessageFlags.Seen | MessageFlags.Flagged, MessageFlags.Deleted);

        Assert.Equal(matches, filter.Matches(flags));
        Assert.True(MessageFlagFilter.All.Matches(flags));
    }

    [Fact]
    public async Task GetRangeReturnsUidOrderUpToTheLimit()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, Enumerable.Range(0, 10).Select(i => TestMessages.Create($"m{i}")).ToArray(), Ct);

        var range = await Store.Messages.GetRangeAsync(mailbox.Id, 3, 100, 4, Ct);

        Assert.Equal([3u, 4u, 5u, 6u], range.Select(m => m.Uid));
    }

    [Fact]
    public async Task UpdateFlagsChangesOnlyMessagesThatDiffer()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("a"), TestMessages.Create("b", flags: MessageFlags.Seen)], Ct);
        var before = await ReloadAsync(mailbox);

        var changed = await Store.Messages.UpdateFlagsAsync(mailbox.Id, [1, 2, 99], FlagUpdate.Adding(MessageFlags.Seen), Ct);

        var entry = Assert.Single(changed);
        Assert.Equal(1u, entry.Uid);
        Assert.Equal(MessageFlags.Seen, entry.Flags);
        Assert.True(entry.ModSeq > before.HighestModSeq);
        var after = await ReloadAsync(mailbox);
        Assert.Equal(0, after.UnseenCount);
        Assert.Equal(entry.ModSeq, after.HighestModSeq);
    }

    [Fact]
    public async Task UpdateFlagsRemovesBeforeAddingAndComparesKeywordsIgnoringCase()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("a", flags: MessageFlags.Flagged, keywords: ["Todo"])], Ct);

        await Store.Messages.UpdateFlagsAsync(mailbox.Id, [1],
            new FlagUpdate(MessageFlags.Answered, MessageFlags.Flagged | MessageFlags.Seen, ["TODO", "later"], ["missing"]), Ct);
        await Store.Messages.UpdateFlagsAsync(mailbox.Id, [1], new FlagUpdate(MessageFlags.None, MessageFlags.None, [], ["todo"]), Ct);

        var stored = Assert.Single(await Store.Messages.GetAsync(mailbox.Id, [1], Ct));
        Assert.Equal(MessageFlags.Answered, stored.Flags);
        Assert.Equal(["later"], stored.Keywords);
    }

    [Fact]
    public async Task ExpungeRemovesMessagesAndCounters()
    {
        var mailbox = await CreateMailboxAsync();
        var messages = new[] { TestMessages.Create("a"), TestMessages.Create("b", flags: MessageFlags.Seen), TestMessages.Create("c") };
        await Store.Messages.AppendAsync(mailbox.Id, messages, Ct);

        var removed = await Store.Messages.ExpungeAsync(mailbox.Id, [3, 2, 7], Ct);

        Assert.Equal([2u, 3u], removed);
        var after = await ReloadAsync(mailbox);
        Assert.Equal(1, after.MessageCount);
        Assert.Equal(1, after.UnseenCount);
        Assert.Equal(messages[0].Content.Length, after.TotalSize);
        Assert.Null(await Store.Messages.OpenContentAsync(mailbox.Id, 2, Ct));
        Assert.Empty(await Store.Messages.ExpungeAsync(mailbox.Id, [2], Ct));
    }

    [Fact]
    public async Task ExpungeDeletedRemovesExactlyTheMessagesFlaggedDeleted()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id,
            [TestMessages.Create("a", flags: MessageFlags.Deleted), TestMessages.Create("b"), TestMessages.Create("c", flags: MessageFlags.Deleted | MessageFlags.Seen)], Ct);
        await Store.Messages.UpdateFlagsAsync(mailbox.Id, [1], FlagUpdate.Removing(MessageFlags.Deleted), Ct);

        Assert.Equal([3u], await Store.Messages.ExpungeDeletedAsync(mailbox.Id, Ct));
        Assert.Empty(await Store.Messages.ExpungeDeletedAsync(mailbox.Id, Ct));
        Assert.Equal([1u, 2u], (await Store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries.Select(e => e.Uid));
        Assert.Equal([3u], (await Store.Messages.GetDeltaAsync(mailbox.Id, 0, Ct)).Removed);
    }

    [Fact]
    public async Task CopySharesContentAndNumbersCopiesInTheTarget()
    {
        var source = await CreateMailboxAsync("INBOX");
        var target = await CreateMailboxAsync("Archive");
        await Store.Messages.AppendAsync(target.Id, [TestMessages.Create("already there")], Ct);
        var messages = new[] { TestMessages.Create("a", flags: MessageFlags.Seen, keywords: ["k"]), TestMessages.Create("b") };
        await Store.Messages.AppendAsync(source.Id, messages, Ct);

        var copied = await Store.Messages.CopyAsync(source.Id, [2, 1], target.Id, move: false, Ct);

        Assert.Equal([new CopiedMessage(1, 2), new CopiedMessage(2, 3)], copied);
        var copy = Assert.Single(await Store.Messages.GetAsync(target.Id, [2], Ct));
        Assert.Equal(MessageFlags.Seen, copy.Flags);
        Assert.Equal(["k"], copy.Keywords);
        Assert.Equal("a", copy.Summary.SubjectSortKey);
        await using (var content = await Store.Messages.OpenContentAsync(target.Id, 3, Ct))
            Assert.Equal(messages[1].Content.ToArray(), await TestMessages.ReadAllAsync(content!));
        Assert.Equal(2, (await ReloadAsync(source)).MessageCount);
        var targetAfter = await ReloadAsync(target);
        Assert.Equal(3, targetAfter.MessageCount);
        Assert.Equal(2, targetAfter.UnseenCount);
    }

    [Fact]
    public async Task MoveExpungesTheSource()
    {
        var source = await CreateMailboxAsync("INBOX");
        var target = await CreateMailboxAsync("Trash");
        await Store.Messages.AppendAsync(source.Id, [TestMessages.Create("a"), TestMessages.Create("b")], Ct);

        var moved = await Store.Messages.CopyAsync(source.Id, [1], target.Id, move: true, Ct);

        Assert.Equal([new CopiedMessage(1, 1)], moved);
        Assert.Equal([2u], (await Store.Messages.ListAsync(source.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries.Select(e => e.Uid));
        Assert.Equal(1, (await ReloadAsync(source)).MessageCount);
        Assert.Equal([1u], (await Store.Messages.GetDeltaAsync(source.Id, 0, Ct)).Removed);
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Messages.CopyAsync(source.Id, [2], 12345, move: true, Ct));
    }

    [Fact]
    public async Task DeltaReportsWhatChangedAfterAModificationSequence()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("a"), TestMessages.Create("b"), TestMessages.Create("c")], Ct);
        var seen = (await ReloadAsync(mailbox)).HighestModSeq;

        await Store.Messages.UpdateFlagsAsync(mailbox.Id, [2], FlagUpdate.Adding(MessageFlags.Flagged), Ct);
        await Store.Messages.ExpungeAsync(mailbox.Id, [3], Ct);
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("d")], Ct);

        var delta = await Store.Messages.GetDeltaAsync(mailbox.Id, seen, Ct);
        Assert.Equal([2u, 4u], delta.Changed.Select(e => e.Uid));
        Assert.Equal(MessageFlags.Flagged, delta.Changed[0].Flags);
        Assert.Equal([3u], delta.Removed);
        Assert.Equal((await ReloadAsync(mailbox)).HighestModSeq, delta.HighestModSeq);

        var nothing = await Store.Messages.GetDeltaAsync(mailbox.Id, delta.HighestModSeq, Ct);
        Assert.Empty(nothing.Changed);
        Assert.Empty(nothing.Removed);
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Messages.GetDeltaAsync(12345, 0, Ct));
    }

    [Fact]
    public async Task CompactionReclaimsExpungedBytesAndKeepsLiveMessagesReadable()
    {
        var mailbox = await CreateMailboxAsync();
        var messages = Enumerable.Range(0, 20).Select(i => TestMessages.Create($"m{i}", bodyLines: 50)).ToArray();
        await Store.Messages.AppendAsync(mailbox.Id, messages, Ct);
        var archive = await CreateMailboxAsync("Archive");
        await Store.Messages.CopyAsync(mailbox.Id, [20], archive.Id, move: false, Ct);
        await Store.Messages.ExpungeAsync(mailbox.Id, Enumerable.Range(1, 15).Select(i => (uint)i).ToArray(), Ct);

        var first = await Store.Maintenance.CompactAsync(0.5, Ct);
        var second = await Store.Maintenance.CompactAsync(0.5, Ct);

        Assert.True(first.BytesReclaimed > 0);
        Assert.Equal(0, second.BytesReclaimed);

        for (uint uid = 16; uid <= 20; uid++)
        {
            await using var content = await Store.Messages.OpenContentAsync(mailbox.Id, uid, Ct);
            Assert.Equal(messages[uid - 1].Content.ToArray(), await TestMessages.ReadAllAsync(content!));
        }
        await using (var copy = await Store.Messages.OpenContentAsync(archive.Id, 1, Ct))
            Assert.Equal(messages[19].Content.ToArray(), await TestMessages.ReadAllAsync(copy!));
    }
}
