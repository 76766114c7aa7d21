using Postern.Data;
using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Storage;

namespace Postern.Mail.Tests.Messages;

public class MessageOperationsTests : MailContext
{
    private async Task<(MailUser User, AccessibleMailbox Inbox)> InboxWithAsync(int messages)
    {
        var alice = await CreateUserAsync();
        await AppendAsync(alice, "INBOX", Enumerable.Range(1, messages).Select(i => TestMail.Message($"message {i}")).ToArray());
        return (alice, await MailboxAsync(alice));
    }

    private async Task<uint[]> UidsAsync(AccessibleMailbox mailbox) =>
        (await Store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries.Select(e => e.Uid).ToArray();

    private Task SetDeleteMethodAsync(MailUser user, string method) =>
        Preferences.UpdateAsync(user.Account, new DataDictionary { ["DeleteMethod"] = new DataString(method) }, Ct);

    [Fact]
    public async Task MarkSetsAndClearsFlagsAndKeywords()
    {
        var (alice, inbox) = await InboxWithAsync(2);

        var changed = await Operations.MarkAsync(alice, inbox, [1, 2], new FlagUpdate(MessageFlags.Seen | MessageFlags.Label2, MessageFlags.None, ["meetingCreated"], []), Ct);
        await Operations.MarkAsync(alice, inbox, [2], new FlagUpdate(MessageFlags.None, MessageFlags.Label2, [], ["MEETINGCREATED"]), Ct);

        Assert.Equal([1u, 2u], changed.Select(c => c.Uid));
        var records = await Store.Messages.GetAsync(inbox.Id, [1, 2], Ct);
        Assert.Equal(MessageFlags.Seen | MessageFlags.Label2, records[0].Flags);
        Assert.Equal(["meetingCreated"], records[0].Keywords);
        Assert.Equal(MessageFlags.Seen, records[1].Flags);
        Assert.Empty(records[1].Keywords);
    }

    [Theory]
    [InlineData(MessageFlags.Recent, null)]
    [InlineData(MessageFlags.None, "two words")]
    [InlineData(MessageFlags.None, "\\Seen")]
    [InlineData(MessageFlags.None, "paren(")]
    [InlineData(MessageFlags.None, "ünïcode")]
    public async Task MarkRefusesRecentAndKeywordsThatAreNotAtoms(MessageFlags flags, string? keyword)
    {
        var (alice, inbox) = await InboxWithAsync(1);

        var error = await Assert.ThrowsAsync<MailException>(() =>
            Operations.MarkAsync(alice, inbox, [1], new FlagUpdate(flags, MessageFlags.None, keyword is null ? [] : [keyword], []), Ct));

        Assert.Equal(MailErrorCode.InvalidRequest, error.Code);
        await Assert.ThrowsAsync<MailException>(() =>
            Operations.MarkAsync(alice, inbox, [1], new FlagUpdate(MessageFlags.Seen, MessageFlags.Seen, [], []), Ct));
    }

    [Theory]
    [InlineData("lrs", MessageFlags.Seen, true)]
    [InlineData("lrw", MessageFlags.Seen, false)]
    [InlineData("lrw", MessageFlags.Flagged, true)]
    [InlineData("lrs", MessageFlags.Flagged, false)]
    [InlineData("lrw", MessageFlags.Deleted, false)]
    [InlineData("lrd", MessageFlags.Deleted, true)]
    public async Task MarkNeedsSeenWriteOrDeleteRightsAsTheFlagsAsk(string rights, MessageFlags flag, bool allowed)
    {
        var (alice, inbox) = await InboxWithAsync(1);
        var bob = await CreateUserAsync("bob@example.com");
        await Mailboxes.SetRightsAsync(inbox.Record, "bob@example.com", MailboxRightsText.Parse(rights), Ct);
        var shared = await Access.GetAsync(bob, "~alice/INBOX", Ct);

        var mark = () => Operations.MarkAsync(bob, shared, [1], FlagUpdate.Adding(flag), Ct);

        if (allowed)
            Assert.Single(await mark());
        else
            await Assert.ThrowsAsync<MailAccessDeniedException>(mark);
    }

    [Fact]
    public async Task CopyAndMoveNeedRightsOnBothSidesAndCanCreateTheTarget()
    {
        var (alice, inbox) = await InboxWithAsync(3);

        var copied = await Operations.CopyAsync(alice, inbox, [1, 2, 9], "Projects/Calendar", "calendar", Ct);
        var moved = await Operations.MoveAsync(alice, inbox, [3], "Projects/Calendar", null, Ct);

        Assert.Equal([new CopiedMessage(1, 1), new CopiedMessage(2, 2)], copied);
        Assert.Equal([new CopiedMessage(3, 3)], moved);
        Assert.Equal(new uint[] { 1u, 2u }, await UidsAsync(inbox));
        var target = await MailboxAsync(alice, "Projects/Calendar");
        Assert.Equal(MailboxClass.Calendar, target.Record.Class);
        Assert.Equal(new uint[] { 1u, 2u, 3u }, await UidsAsync(target));
        await Assert.ThrowsAsync<UnknownMailboxException>(() => Operations.CopyAsync(alice, inbox, [1], "Nowhere", null, Ct));

        var bob = await CreateUserAsync("bob@example.com");
        await Mailboxes.SetRightsAsync(inbox.Record, "bob@example.com", MailboxRightsText.Parse("lr"), Ct);
        var shared = await Access.GetAsync(bob, "~alice/INBOX", Ct);
        Assert.Single(await Operations.CopyAsync(bob, shared, [1], "INBOX", null, Ct));
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Operations.MoveAsync(bob, shared, [1], "INBOX", null, Ct));
        await Mailboxes.SetRightsAsync((await MailboxAsync(bob)).Record, "alice@example.com", MailboxRightsText.Parse("lr"), Ct);
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Operations.CopyAsync(alice, inbox, [1], "~bob/INBOX", null, Ct));
    }

    [Fact]
    public async Task RemoveFollowsTheDeleteMethodPreference()
    {
        var (alice, inbox) = await InboxWithAsync(6);
        var trash = await MailboxAsync(alice, "Trash");

        var toTrash = await Operations.RemoveAsync(alice, inbox, [1, 2], method: null, Ct);
        await SetDeleteMethodAsync(alice, "Mark");
        var marked = await Operations.RemoveAsync(alice, inbox, [3], method: null, Ct);
        await SetDeleteMethodAsync(alice, "Immediately");
        var erased = await Operations.RemoveAsync(alice, inbox, [4], method: null, Ct);
        var explicitTrash = await Operations.RemoveAsync(alice, inbox, [5], DeleteMethod.MoveToTrash, Ct);

        Assert.Equal(new RemoveSummary(DeleteMethod.MoveToTrash, "1,2", ""), Summary(toTrash));
        Assert.Equal(new RemoveSummary(DeleteMethod.Mark, "", "3"), Summary(marked));
        Assert.Equal(new RemoveSummary(DeleteMethod.Immediately, "4", ""), Summary(erased));
        Assert.Equal(DeleteMethod.MoveToTrash, explicitTrash.Method);
        Assert.Equal(new uint[] { 3u, 6u }, await UidsAsync(inbox));
        Assert.Equal(MessageFlags.Deleted, (await Store.Messages.GetAsync(inbox.Id, [3], Ct))[0].Flags);
        Assert.Equal(new uint[] { 1u, 2u, 3u }, await UidsAsync(trash));

        // Deleting in the Trash itself erases.
        var fromTrash = await Operations.RemoveAsync(alice, trash, [1], DeleteMethod.MoveToTrash, Ct);
        Assert.Equal(new RemoveSummary(DeleteMethod.Immediately, "1", ""), Summary(fromTrash));
    }

    private sealed record RemoveSummary(DeleteMethod Method, string Removed, string Marked);

    private static RemoveSummary Summary(RemoveResult result) =>
        new(result.Method, string.Join(',', result.Removed), string.Join(',', result.Marked));

    [Fact]
    public async Task MovingToTrashRecreatesAMissingTrash()
    {
        var (alice, inbox) = await InboxWithAsync(1);
        await Mailboxes.RemoveAsync(alice, "Trash", false, Ct);

        await Operations.RemoveAsync(alice, inbox, [1], DeleteMethod.MoveToTrash, Ct);

        Assert.Equal(new uint[] { 1u }, await UidsAsync(await MailboxAsync(alice, "Trash")));
    }

    [Fact]
    public async Task ExpungeErasesOnlyMessagesFlaggedDeletedAndRemoveAllFollowsThePreference()
    {
        var (alice, inbox) = await InboxWithAsync(4);
        await Operations.MarkAsync(alice, inbox, [2, 3], FlagUpdate.Adding(MessageFlags.Deleted), Ct);

        Assert.Equal([2u, 3u], await Operations.ExpungeAsync(alice, inbox, Ct));
        Assert.Equal(new uint[] { 1u, 4u }, await UidsAsync(inbox));

        var all = await Operations.RemoveAllAsync(alice, inbox, null, Ct);
        Assert.Equal([1u, 4u], all.Removed);
        Assert.Empty(await UidsAsync(inbox));
        Assert.Equal(2, (await MailboxAsync(alice, "Trash")).Record.MessageCount);
    }

    [Fact]
    public async Task AppendNeedsTheInsertRightAndCanCreateTheMailbox()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var date = new DateTimeOffset(2020, 2, 3, 4, 5, 6, TimeSpan.Zero);

        var (mailbox, appended) = await Operations.AppendAsync(alice, "Notes", TestMail.Message("note"), MessageFlags.Seen | MessageFlags.Draft, ["idea"], date, "notes", Ct);

        var stored = (await Store.Messages.GetAsync(mailbox.Id, [appended.Uid], Ct)).Single();
        Assert.Equal((MessageFlags.Seen | MessageFlags.Draft, date), (stored.Flags, stored.InternalDate));
        Assert.Equal(MailboxClass.Notes, mailbox.Record.Class);
        await Mailboxes.SetRightsAsync((await MailboxAsync(bob)).Record, "alice@example.com", MailboxRightsText.Parse("lr"), Ct);
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Operations.AppendAsync(alice, "~bob/INBOX", TestMail.Message("x"), MessageFlags.None, [], null, null, Ct));
        await Assert.ThrowsAsync<MailException>(() => Operations.AppendAsync(alice, "INBOX", TestMail.Message("x"), MessageFlags.Recent, [], null, null, Ct));
    }

    [Fact]
    public async Task SessionsMovingAndExpungingTheSameMessagesAtOnceNeverLoseOrDuplicateOne()
    {
        var (alice, inbox) = await InboxWithAsync(60);
        await Mailboxes.CreateAsync(alice, "Archive", "", Ct);
        var trash = await MailboxAsync(alice, "Trash");
        var uids = Enumerable.Range(1, 60).Select(i => (uint)i).ToArray();

        // Eight sessions race over the same UIDs: moving to Archive, to Trash, flagging and expunging.
        var sessions = Enumerable.Range(0, 8).Select(session => Task.Run(async () =>
        {
            var random = new Random(session);
            for (var round = 0; round < 10; round++)
            {
                var some = uids.OrderBy(_ => random.Next()).Take(10).ToArray();
                switch ((session + round) % 4)
                {
                    case 0:
                        await Operations.MoveAsync(alice, inbox, some, "Archive", null, Ct);
                        break;
                    case 1:
                        await Operations.RemoveAsync(alice, inbox, some, DeleteMethod.MoveToTrash, Ct);
                        break;
                    case 2:
                        await Operations.MarkAsync(alice, inbox, some, FlagUpdate.Adding(MessageFlags.Deleted), Ct);
                        await Operations.MarkAsync(alice, inbox, some[..5], FlagUpdate.Removing(MessageFlags.Deleted), Ct);
                        break;
                    default:
                        await Operations.ExpungeAsync(alice, inbox, Ct);
                        break;
                }
            }
        })).ToArray();
        await Task.WhenAll(sessions);

        // Every original is in exactly one place, or was expunged from INBOX while flagged Deleted.
        var archiveNow = await MailboxAsync(alice, "Archive");
        var places = new List<string>();
        foreach (var box in new[] { inbox, archiveNow, trash })
            places.AddRange((await Store.Messages.GetRangeAsync(box.Id, 1, uint.MaxValue, 1000, Ct)).Select(r => r.Summary.MessageId!));
        var leftInbox = (await Store.Messages.GetDeltaAsync(inbox.Id, 0, Ct)).Removed.Count;
        var erased = leftInbox - archiveNow.Record.MessageCount - (await MailboxAsync(alice, "Trash")).Record.MessageCount;
        Assert.Equal(places.Count, places.Distinct().Count());
        Assert.Equal(60, places.Count + erased);
        Assert.Equal(60 - leftInbox, (await MailboxAsync(alice)).Record.MessageCount);
    }
}
