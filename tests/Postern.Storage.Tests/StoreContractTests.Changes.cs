using Postern.Storage;

namespace Postern.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task EveryMailboxAndMessageChangeIsRecordedInOrder()
    {
        var (_, alice) = await CreateAccountAsync();
        var start = await Store.Changes.GetLatestSequenceAsync(Ct);

        var inbox = await Store.Mailboxes.CreateAsync(alice.Id, "INBOX", "", Ct);
        var trash = await Store.Mailboxes.CreateAsync(alice.Id, "Trash", "", Ct);
        await Store.Messages.AppendAsync(inbox.Id, [TestMessages.Create("a"), TestMessages.Create("b")], Ct);
        await Store.Messages.UpdateFlagsAsync(inbox.Id, [1], FlagUpdate.Adding(MessageFlags.Seen), Ct);
        await Store.Messages.CopyAsync(inbox.Id, [2], trash.Id, move: true, Ct);
        await Store.Mailboxes.RenameAsync(trash.Id, "Bin", withChildren: true, Ct);
        await Store.Accounts.SetPrefsAsync(alice.Id, "{}", Ct);
        await Store.Alerts.PostAsync(alice.Id, "hi", DateTimeOffset.UtcNow, Ct);
        await Store.Mailboxes.DeleteAsync(trash.Id, Ct);

        var changes = await Store.Changes.ReadAsync(start, 100, Ct);

        Assert.Equal(
            [
                (StoreChangeKind.MailboxCreated, (long?)inbox.Id), (StoreChangeKind.MailboxCreated, trash.Id),
                (StoreChangeKind.MessagesAdded, inbox.Id), (StoreChangeKind.MessagesUpdated, inbox.Id),
                (StoreChangeKind.MessagesAdded, trash.Id), (StoreChangeKind.MessagesRemoved, inbox.Id),
                (StoreChangeKind.MailboxRenamed, trash.Id), (StoreChangeKind.PrefsChanged, null),
                (StoreChangeKind.AlertPosted, null), (StoreChangeKind.MailboxRemoved, trash.Id),
            ],
            changes.Select(c => (c.Kind, c.MailboxId)));
        Assert.All(changes, c => Assert.Equal(alice.Id, c.AccountId));
        Assert.Equal(changes.Select(c => c.Sequence).Order(), changes.Select(c => c.Sequence));
        Assert.Equal(changes[^1].Sequence, await Store.Changes.GetLatestSequenceAsync(Ct));
        Assert.Equal(3, (await Store.Changes.ReadAsync(start, 3, Ct)).Count);
    }

    [Fact]
    public async Task ChangesThatChangeNothingAreNotRecorded()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("a", flags: MessageFlags.Seen)], Ct);
        var latest = await Store.Changes.GetLatestSequenceAsync(Ct);

        await Store.Messages.UpdateFlagsAsync(mailbox.Id, [1], FlagUpdate.Adding(MessageFlags.Seen), Ct);
        await Store.Messages.ExpungeAsync(mailbox.Id, [42], Ct);

        Assert.Equal(latest, await Store.Changes.GetLatestSequenceAsync(Ct));
    }

    [Fact]
    public async Task WaitingForChangesCompletesWhenOneIsCommitted()
    {
        var mailbox = await CreateMailboxAsync();
        var latest = await Store.Changes.GetLatestSequenceAsync(Ct);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var waiting = Store.Changes.WaitAsync(latest, timeout.Token);
        Assert.False(waiting.IsCompleted);
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("wake up")], Ct);

        await waiting;
        Assert.True(await Store.Changes.GetLatestSequenceAsync(Ct) > latest);
    }

    [Fact]
    public async Task WaitingReturnsAtOnceWhenChangesAlreadyExist()
    {
        await CreateMailboxAsync();

        await Store.Changes.WaitAsync(0, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
    }

    [Fact]
    public async Task PruningDropsOldEntriesButSequencesKeepGrowing()
    {
        var (_, alice) = await CreateAccountAsync();
        await Store.Mailboxes.CreateAsync(alice.Id, "A", "", Ct);
        var before = await Store.Changes.GetLatestSequenceAsync(Ct);

        var pruned = await Store.Changes.PruneAsync(DateTimeOffset.UtcNow.AddMinutes(1), Ct);
        await Store.Mailboxes.CreateAsync(alice.Id, "B", "", Ct);

        Assert.True(pruned >= 1);
        var remaining = await Store.Changes.ReadAsync(0, 100, Ct);
        Assert.True(Assert.Single(remaining).Sequence > before);
    }
}
