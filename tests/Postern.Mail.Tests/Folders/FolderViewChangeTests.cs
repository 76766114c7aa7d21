using Postern.Mail.Access;
using Postern.Mail.Folders;
using Postern.Storage;

namespace Postern.Mail.Tests.Folders;

/// <summary>How a view notices changes: what a sync reports beyond flags, and the check behind a client notification.</summary>
public class FolderViewChangeTests : MailContext
{
    private static readonly IReadOnlyList<FolderField> s_fields = FolderField.Parse(["FLAGS", "Subject"]);

    private static readonly FolderViewFilter s_unseenOnly = new(new MessageFlagFilter(MessageFlags.None, MessageFlags.Seen), null);

    private Task<FolderView> OpenAsync(MailUser user, FolderViewFilter? filter = null) =>
        Folders.OpenAsync(user, "INBOX", new FolderViewDefinition(FolderSortOrder.Arrival, filter ?? FolderViewFilter.None), null, null, Ct);

    [Fact]
    public async Task AfterACompleteSyncTheViewStandsAtTheMailboxsNewestChange()
    {
        var alice = await CreateUserAsync();
        await AppendAsync(alice, "INBOX", TestMail.Message("one"), TestMail.Message("two"));
        var view = await OpenAsync(alice);
        var inbox = await MailboxAsync(alice);

        await Store.Messages.UpdateFlagsAsync(inbox.Id, [1], FlagUpdate.Adding(MessageFlags.Flagged), Ct);
        await AppendAsync(alice, "INBOX", TestMail.Message("three"));
        await view.SyncAsync(s_fields, null, Ct);

        Assert.Equal((await Store.Mailboxes.GetAsync(inbox.Id, Ct))!.HighestModSeq, view.ModSeq);
    }

    [Fact]
    public async Task AKeywordChangeIsReportedAsAnUpdateWithTheNewKeywords()
    {
        var alice = await CreateUserAsync();
        await AppendAsync(alice, "INBOX", TestMail.Message("one"), TestMail.Message("two"));
        var view = await OpenAsync(alice);
        var inbox = await MailboxAsync(alice);

        await Store.Messages.UpdateFlagsAsync(inbox.Id, [2], new FlagUpdate(MessageFlags.None, MessageFlags.None, ["$Work"], []), Ct);
        var result = await view.SyncAsync(s_fields, null, Ct);

        var change = Assert.Single(result.Changes);
        Assert.Equal((FolderChangeKind.Updated, 1, 2u), (change.Kind, change.Index, change.Uid));
        Assert.Equal(["$Work"], Assert.IsType<FolderFieldValue.FlagsValue>(change.Row!.Values[0]).Keywords);
        Assert.Empty((await view.SyncAsync(s_fields, null, Ct)).Changes);
    }

    [Fact]
    public async Task PartialSyncsOfKeywordChangesReportEachMessageOnceAndEnd()
    {
        var alice = await CreateUserAsync();
        await AppendAsync(alice, "INBOX", Enumerable.Range(1, 5).Select(i => TestMail.Message($"m{i}")).ToArray());
        var view = await OpenAsync(alice);
        var inbox = await MailboxAsync(alice);
        await Store.Messages.UpdateFlagsAsync(inbox.Id, [1, 2, 3, 4, 5], new FlagUpdate(MessageFlags.None, MessageFlags.None, ["$Done"], []), Ct);

        var reported = new List<uint>();
        FolderSyncResult result;
        var rounds = 0;
        do
        {
            result = await view.SyncAsync(s_fields, limit: 2, Ct);
            reported.AddRange(result.Changes.Select(c => c.Uid));
            Assert.True(++rounds < 10, "the partial syncs do not end");
        }
        while (result.More);

        Assert.Equal([1u, 2u, 3u, 4u, 5u], reported);
    }

    [Fact]
    public async Task ADeliveredMessageIsNewsOnceAndTheViewsOwnClearingOfRecentIsNot()
    {
        var alice = await CreateUserAsync();
        var view = await OpenAsync(alice);
        var inbox = await MailboxAsync(alice);
        Assert.False(await view.HasChangesAsync(Ct));

        await Appender.AppendAsync(inbox.Record, TestMail.Message("fresh"), MessageFlags.Recent, [], null, Ct);
        Assert.True(await view.HasChangesAsync(Ct));
        Assert.Single((await view.SyncAsync(s_fields, null, Ct)).Changes);

        Assert.False(await view.HasChangesAsync(Ct));
        Assert.Empty((await view.SyncAsync(s_fields, null, Ct)).Changes);
    }

    [Fact]
    public async Task ChangesOfMessagesInTheViewAreNewsAndOfMessagesKeptOutAreNot()
    {
        var alice = await CreateUserAsync();
        await AppendAsync(alice, "INBOX", TestMail.Message("one"), TestMail.Message("two"));
        var inbox = await MailboxAsync(alice);
        await Store.Messages.UpdateFlagsAsync(inbox.Id, [2], FlagUpdate.Adding(MessageFlags.Seen), Ct);
        var view = await OpenAsync(alice, s_unseenOnly);

        await Store.Messages.UpdateFlagsAsync(inbox.Id, [2], FlagUpdate.Adding(MessageFlags.Flagged), Ct);
        Assert.False(await view.HasChangesAsync(Ct));
        var unchanged = view.ModSeq;
        Assert.Equal((await Store.Mailboxes.GetAsync(inbox.Id, Ct))!.HighestModSeq, unchanged);

        await Store.Messages.UpdateFlagsAsync(inbox.Id, [1], FlagUpdate.Adding(MessageFlags.Seen), Ct);
        Assert.True(await view.HasChangesAsync(Ct));
        Assert.Equal(unchanged, view.ModSeq);

        await view.SyncAsync(s_fields, null, Ct);
        await Store.Messages.UpdateFlagsAsync(inbox.Id, [2], FlagUpdate.Removing(MessageFlags.Seen), Ct);
        Assert.True(await view.HasChangesAsync(Ct));
        await view.SyncAsync(s_fields, null, Ct);
        await Store.Messages.ExpungeAsync(inbox.Id, [2], Ct);
        Assert.True(await view.HasChangesAsync(Ct));
    }
}
