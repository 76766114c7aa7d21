using Postern.Mail.Access;
using Postern.Mail.Folders;
using Postern.Mail.Mailboxes;
using Postern.Mail.Search;
using Postern.Storage;

namespace Postern.Mail.Tests.Folders;

public class FolderViewTests : MailContext
{
    private static readonly IReadOnlyList<FolderField> s_fields = FolderField.Parse(["FLAGS", "Subject"]);

    private static FolderViewDefinition SortedBy(string? field, bool descending = false, FolderViewFilter? filter = null) =>
        new(new FolderSortOrder(field, descending), filter ?? FolderViewFilter.None);

    private Task<FolderView> OpenAsync(MailUser user, FolderViewDefinition definition, string mailbox = "INBOX") =>
        Folders.OpenAsync(user, mailbox, definition, createClass: null, timeZone: null, Ct);

    /// <summary>Five messages: subjects, senders, dates and sizes in different orders; message 3 is seen.</summary>
    private async Task<MailUser> FillInboxAsync()
    {
        var alice = await CreateUserAsync();
        var inbox = await MailboxAsync(alice);
        var messages = new (string Subject, string From, int Days, int BodyLines, string Rank, MessageFlags Flags)[]
        {
            ("Re: Budget", "Zed <zed@example.org>", 3, 5, "3", MessageFlags.None),
            ("agenda", "Amy <amy@example.org>", 1, 50, "1", MessageFlags.None),
            ("Minutes", "bob@example.org", 5, 1, "5", MessageFlags.Seen),
            ("budget", "Carl <carl@example.org>", 2, 20, "", MessageFlags.Flagged),
            ("Zoo trip", "Amy <amy@example.org>", 4, 10, "2", MessageFlags.None),
        };
        foreach (var m in messages)
        {
            var bytes = TestMail.Message(m.Subject, from: m.From, body: string.Join("\r\n", Enumerable.Repeat("line", m.BodyLines)),
                date: TestMail.BaseDate.AddDays(m.Days), extraHeaders: m.Rank.Length > 0 ? [$"X-Rank: {m.Rank}", $"Cc: User{m.Rank} <u{m.Rank}@example.org>"] : []);
            await Appender.AppendAsync(inbox.Record, bytes, m.Flags, [], TestMail.BaseDate.AddDays(10 - m.Days), Ct);
        }
        return alice;
    }

    [Theory]
    [InlineData(null, false, new uint[] { 1, 2, 3, 4, 5 })]
    [InlineData("INTERNALDATE", false, new uint[] { 3, 5, 1, 4, 2 })]
    [InlineData("Date", true, new uint[] { 3, 5, 1, 4, 2 })]
    [InlineData("Subject", false, new uint[] { 2, 1, 4, 3, 5 })]
    [InlineData("subject", true, new uint[] { 5, 3, 4, 1, 2 })]
    [InlineData("From", false, new uint[] { 2, 5, 3, 4, 1 })]
    [InlineData("SIZE", false, new uint[] { 3, 1, 5, 4, 2 })]
    [InlineData("X-Rank", false, new uint[] { 4, 2, 5, 1, 3 })]
    [InlineData("X-Rank", true, new uint[] { 3, 1, 5, 2, 4 })]
    [InlineData("Cc", false, new uint[] { 4, 2, 5, 1, 3 })]
    [InlineData("E-Cc", true, new uint[] { 3, 1, 5, 2, 4 })]
    public async Task ViewsSortByIndexedFieldsAndByAnyHeaderTiesByUid(string? field, bool descending, uint[] expected)
    {
        var alice = await FillInboxAsync();

        var view = await OpenAsync(alice, SortedBy(field, descending));

        Assert.Equal(expected, view.Uids);
        Assert.Equal(5, view.Count);
        Assert.Equal(4, view.Unseen);
    }

    [Fact]
    public async Task ViewsKeepOnlyMessagesPassingFlagAndSearchFilters()
    {
        var alice = await FillInboxAsync();

        var unseen = await OpenAsync(alice, SortedBy("Subject", filter: new FolderViewFilter(new MessageFlagFilter(MessageFlags.None, MessageFlags.Seen), null)));
        var amy = await OpenAsync(alice, SortedBy(null, filter: new FolderViewFilter(MessageFlagFilter.All, SearchCriteria.AddressOrSubjectContains("amy"))));
        var budgetUnflagged = await OpenAsync(alice, SortedBy(null, filter: new FolderViewFilter(
            new MessageFlagFilter(MessageFlags.None, MessageFlags.Flagged), SearchCriteria.AddressOrSubjectContains("budget"))));

        Assert.Equal([2u, 1u, 4u, 5u], unseen.Uids);
        Assert.Equal([2u, 5u], amy.Uids);
        Assert.Equal([1u], budgetUnflagged.Uids);
    }

    [Fact]
    public async Task BrowseReturnsRequestedFieldsFromStoredHeaders()
    {
        var alice = await FillInboxAsync();
        var view = await OpenAsync(alice, SortedBy("Subject"));
        var fields = FolderField.Parse(["FLAGS", "INTERNALDATE", "SIZE", "UID", "Subject", "E-From", "Raw-Subject", "Date", "Pty", "X-Missing"]);

        var rows = await view.BrowseAsync(3, 99, fields, Ct);

        Assert.Equal([3, 4], rows.Select(r => r.Index));
        Assert.Equal([3u, 5u], rows.Select(r => r.Uid));
        var minutes = rows[0];
        Assert.Equal(new FolderFieldValue.FlagsValue(MessageFlags.Seen, []), minutes.Values[0], new FlagsComparer());
        Assert.Equal(new FolderFieldValue.Time(TestMail.BaseDate.AddDays(5)), minutes.Values[1]);
        Assert.Equal(new FolderFieldValue.Number(minutes.Record.Size), minutes.Values[2]);
        Assert.Equal(new FolderFieldValue.Number(3), minutes.Values[3]);
        Assert.Equal(new FolderFieldValue.Text("Minutes"), minutes.Values[4]);
        var from = Assert.IsType<FolderFieldValue.AddressList>(minutes.Values[5]);
        Assert.Equal("bob@example.org", Assert.Single(from.Addresses).Address);
        Assert.Equal(new FolderFieldValue.Text("Minutes"), minutes.Values[6]);
        Assert.Equal(new FolderFieldValue.Time(TestMail.BaseDate.AddDays(5)), minutes.Values[7]);
        Assert.Null(minutes.Values[8]);
        Assert.Null(minutes.Values[9]);
        var amy = Assert.IsType<FolderFieldValue.AddressList>(rows[1].Values[5]);
        Assert.Equal("Amy", Assert.Single(amy.Addresses).Name);
        Assert.Empty(await view.BrowseAsync(7, 9, fields, Ct));
    }

    [Fact]
    public async Task BrowseByUidMapsToPositionsAndSkipsUidsNotInTheView()
    {
        var alice = await FillInboxAsync();
        var view = await OpenAsync(alice, SortedBy("Subject", descending: true));

        var rows = await view.BrowseAsync([4, 99, 5], s_fields, Ct);

        Assert.Equal([(2, 4u), (0, 5u)], rows.Select(r => (r.Index, r.Uid)));
        Assert.Equal(2, view.IndexOf(4));
        Assert.Equal(-1, view.IndexOf(99));
        Assert.Equal(5u, view.UidAt(0));
    }

    [Fact]
    public async Task SyncReportsRemovalsThenAdditionsThenUpdatesEachAtAValidIndex()
    {
        var alice = await FillInboxAsync();
        var view = await OpenAsync(alice, SortedBy("Subject"));
        var client = view.Uids.ToList();
        var inbox = await MailboxAsync(alice);

        await Appender.AppendAsync(inbox.Record, TestMail.Message("Apples"), MessageFlags.None, [], null, Ct);
        await Appender.AppendAsync(inbox.Record, TestMail.Message("Quince"), MessageFlags.Seen, [], null, Ct);
        await Store.Messages.ExpungeAsync(inbox.Id, [1, 5], Ct);
        await Store.Messages.UpdateFlagsAsync(inbox.Id, [2, 3], FlagUpdate.Adding(MessageFlags.Answered), Ct);
        var result = await view.SyncAsync(s_fields, limit: null, Ct);

        Assert.Equal(
            [(FolderChangeKind.Removed, 4, 5u), (FolderChangeKind.Removed, 1, 1u), (FolderChangeKind.Added, 1, 6u), (FolderChangeKind.Added, 4, 7u),
             (FolderChangeKind.Updated, 0, 2u), (FolderChangeKind.Updated, 3, 3u)],
            result.Changes.Select(c => (c.Kind, c.Index, c.Uid)));
        Apply(client, result);
        Assert.Equal(view.Uids, client);
        Assert.Equal([2u, 6u, 4u, 3u, 7u], view.Uids);
        Assert.Equal((5, 3, false), (result.Messages, result.Unseen, result.More));
        Assert.Equal(new FolderFieldValue.Text("Apples"), result.Changes[2].Row!.Values[1]);
        Assert.Equal(MessageFlags.Seen | MessageFlags.Answered, result.Changes[5].Row!.Flags);
        Assert.Empty((await view.SyncAsync(s_fields, null, Ct)).Changes);
    }

    [Fact]
    public async Task SyncWithALimitDeliversTheStepsInPiecesAndEndsInTheSameState()
    {
        var alice = await FillInboxAsync();
        var view = await OpenAsync(alice, SortedBy("X-Rank", descending: true));
        var client = view.Uids.ToList();
        var inbox = await MailboxAsync(alice);
        for (var i = 0; i < 4; i++)
            await Appender.AppendAsync(inbox.Record, TestMail.Message($"new {i}", extraHeaders: $"X-Rank: {i}"), MessageFlags.None, [], null, Ct);
        await Store.Messages.ExpungeAsync(inbox.Id, [2, 4], Ct);
        await Store.Messages.UpdateFlagsAsync(inbox.Id, [1], FlagUpdate.Adding(MessageFlags.Seen), Ct);

        var pieces = 0;
        FolderSyncResult result;
        do
        {
            result = await view.SyncAsync(s_fields, limit: 2, Ct);
            Assert.True(result.Changes.Count <= 2);
            Apply(client, result);
            Assert.Equal(view.Uids, client);
            pieces++;
        }
        while (result.More);

        Assert.Equal(4, pieces);
        Assert.Equal((await OpenAsync(alice, SortedBy("X-Rank", descending: true))).Uids, view.Uids);
    }

    [Fact]
    public async Task AMessageThatStopsPassingTheFilterLeavesTheViewAndComesBack()
    {
        var alice = await FillInboxAsync();
        var view = await OpenAsync(alice, SortedBy(null, filter: new FolderViewFilter(new MessageFlagFilter(MessageFlags.None, MessageFlags.Seen), null)));
        var inbox = await MailboxAsync(alice);

        await Store.Messages.UpdateFlagsAsync(inbox.Id, [2], FlagUpdate.Adding(MessageFlags.Seen), Ct);
        var left = await view.SyncAsync(s_fields, null, Ct);
        await Store.Messages.UpdateFlagsAsync(inbox.Id, [2, 3], FlagUpdate.Removing(MessageFlags.Seen), Ct);
        var back = await view.SyncAsync(s_fields, null, Ct);

        Assert.Equal([(FolderChangeKind.Removed, 1, 2u)], left.Changes.Select(c => (c.Kind, c.Index, c.Uid)));
        Assert.Equal([(FolderChangeKind.Added, 1, 2u), (FolderChangeKind.Added, 2, 3u)], back.Changes.Select(c => (c.Kind, c.Index, c.Uid)));
        Assert.Equal([1u, 2u, 3u, 4u, 5u], view.Uids);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("Subject", true)]
    [InlineData("X-Rank", false)]
    [InlineData("INTERNALDATE", true)]
    public async Task RandomChangesSyncedStepByStepAlwaysMatchAFreshView(string? sortField, bool unseenOnly)
    {
        var alice = await FillInboxAsync();
        var filter = unseenOnly ? new FolderViewFilter(new MessageFlagFilter(MessageFlags.None, MessageFlags.Seen), null) : FolderViewFilter.None;
        var definition = SortedBy(sortField, descending: true, filter);
        var view = await OpenAsync(alice, definition);
        var client = view.Uids.ToList();
        var inbox = await MailboxAsync(alice);
        var random = new Random(1234);

        for (var round = 0; round < 12; round++)
        {
            for (var step = 0; step < 4; step++)
            {
                var existing = (await Store.Messages.ListAsync(inbox.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries.Select(e => e.Uid).ToArray();
                switch (random.Next(3))
                {
                    case 0:
                        var words = new[] { "alpha", "beta", "Re: gamma", "delta" };
                        await Appender.AppendAsync(inbox.Record, TestMail.Message(words[random.Next(words.Length)], extraHeaders: $"X-Rank: {random.Next(5)}"),
                            random.Next(2) == 0 ? MessageFlags.Seen : MessageFlags.None, [], TestMail.BaseDate.AddMinutes(random.Next(1000)), Ct);
                        break;
                    case 1 when existing.Length > 0:
                        await Store.Messages.ExpungeAsync(inbox.Id, [existing[random.Next(existing.Length)]], Ct);
                        break;
                    case 2 when existing.Length > 0:
                        var update = random.Next(2) == 0 ? FlagUpdate.Adding(MessageFlags.Seen) : FlagUpdate.Removing(MessageFlags.Seen);
                        await Store.Messages.UpdateFlagsAsync(inbox.Id, [existing[random.Next(existing.Length)]], update, Ct);
                        break;
                }
            }
            FolderSyncResult result;
            do
            {
                result = await view.SyncAsync(s_fields, limit: random.Next(1, 4), Ct);
                Apply(client, result);
            }
            while (result.More);

            Assert.Equal(view.Uids, client);
            var fresh = await OpenAsync(alice, definition);
            Assert.Equal(fresh.Uids, view.Uids);
            Assert.Equal(fresh.Unseen, view.Unseen);
        }
    }

    [Fact]
    public async Task RecentIsShownByTheFirstViewThatSeesItAndThenCleared()
    {
        var alice = await CreateUserAsync();
        var inbox = await MailboxAsync(alice);
        await Appender.AppendAsync(inbox.Record, TestMail.Message("fresh"), MessageFlags.Recent, [], null, Ct);
        var first = await OpenAsync(alice, FolderViewDefinition.Default);
        await Appender.AppendAsync(inbox.Record, TestMail.Message("fresher"), MessageFlags.Recent, [], null, Ct);

        var synced = await first.SyncAsync(s_fields, null, Ct);
        var second = await OpenAsync(alice, FolderViewDefinition.Default);

        Assert.Equal(MessageFlags.Recent, (await first.BrowseAsync(0, 0, s_fields, Ct))[0].Flags);
        Assert.Equal(MessageFlags.Recent, Assert.Single(synced.Changes).Row!.Flags);
        Assert.All(await second.BrowseAsync(0, 9, s_fields, Ct), row => Assert.Equal(MessageFlags.None, row.Flags));
        Assert.Equal(0, (await Store.Messages.GetStatisticsAsync(inbox.Id, Ct)).Recent);
        Assert.Empty((await first.SyncAsync(s_fields, null, Ct)).Changes);
    }

    [Fact]
    public async Task ReopenChangesOrderAndFilter()
    {
        var alice = await FillInboxAsync();
        var view = await OpenAsync(alice, FolderViewDefinition.Default);

        await view.ReopenAsync(SortedBy("Subject", filter: new FolderViewFilter(new MessageFlagFilter(MessageFlags.Flagged, MessageFlags.None), null)), Ct);

        Assert.Equal([4u], view.Uids);
        Assert.Equal("Subject", view.Definition.Order.Field);
    }

    [Fact]
    public async Task SearchAnswersInViewOrder()
    {
        var alice = await FillInboxAsync();
        var view = await OpenAsync(alice, SortedBy("Subject", descending: true));

        var found = await view.SearchAsync(new SearchCriteria.HeaderContains("Subject", "budget"), null, Ct);

        Assert.Equal([4u, 1u], found);
    }

    [Fact]
    public async Task OpeningNeedsTheReadRightAndCanCreateTheMailbox()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        await Mailboxes.SetRightsAsync((await MailboxAsync(bob)).Record, "alice@example.com", MailboxRights.Lookup, Ct);

        await Assert.ThrowsAsync<MailAccessDeniedException>(() => OpenAsync(alice, FolderViewDefinition.Default, "~bob/INBOX"));
        await Assert.ThrowsAsync<UnknownMailboxException>(() => OpenAsync(alice, FolderViewDefinition.Default, "Calendar"));
        var calendar = await Folders.OpenAsync(alice, "Calendar", FolderViewDefinition.Default, "calendar", null, Ct);

        Assert.Equal(MailboxClass.Calendar, calendar.Mailbox.Record.Class);
        Assert.Equal(0, calendar.Count);
    }

    [Fact]
    public async Task EveryViewOperationChecksTheRightsOfTheMoment()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var bobsInbox = (await MailboxAsync(bob)).Record;
        await AppendAsync(bob, "INBOX", TestMail.Message("shared"));
        await Mailboxes.SetRightsAsync(bobsInbox, "alice@example.com", MailboxRightsText.Parse("lr"), Ct);
        var view = await OpenAsync(alice, FolderViewDefinition.Default, "~bob/INBOX");
        Assert.Single(await view.BrowseAsync(0, 9, s_fields, Ct));

        await Mailboxes.SetRightsAsync(bobsInbox, "alice@example.com", MailboxRights.Lookup, Ct);

        await Assert.ThrowsAsync<MailAccessDeniedException>(() => view.BrowseAsync(0, 9, s_fields, Ct));
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => view.BrowseAsync([1], s_fields, Ct));
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => view.SyncAsync(s_fields, null, Ct));
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => view.SearchAsync(new SearchCriteria.All(), null, Ct));
    }

    [Fact]
    public async Task SyncOfARemovedMailboxFails()
    {
        var alice = await CreateUserAsync();
        await Mailboxes.CreateAsync(alice, "Gone", "", Ct);
        var view = await OpenAsync(alice, FolderViewDefinition.Default, "Gone");

        await Mailboxes.RemoveAsync(alice, "Gone", false, Ct);

        await Assert.ThrowsAsync<UnknownMailboxException>(() => view.SyncAsync(s_fields, null, Ct));
    }

    /// <summary>What a client does with the steps: each index must be valid when the step is applied.</summary>
    private static void Apply(List<uint> client, FolderSyncResult result)
    {
        foreach (var change in result.Changes)
        {
            switch (change.Kind)
            {
                case FolderChangeKind.Removed:
                    Assert.Equal(change.Uid, client[change.Index]);
                    client.RemoveAt(change.Index);
                    break;
                case FolderChangeKind.Added:
                    Assert.DoesNotContain(change.Uid, client);
                    client.Insert(change.Index, change.Uid);
                    break;
                default:
                    Assert.Equal(change.Uid, client[change.Index]);
                    break;
            }
        }
    }

    private sealed class FlagsComparer : IEqualityComparer<FolderFieldValue?>
    {
        public bool Equals(FolderFieldValue? x, FolderFieldValue? y) =>
            x is FolderFieldValue.FlagsValue a && y is FolderFieldValue.FlagsValue b && a.Flags == b.Flags && a.Keywords.SequenceEqual(b.Keywords);

        public int GetHashCode(FolderFieldValue? obj) => 0;
    }
}
