using Postern.Storage;

namespace Postern.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task NewMailboxIsEmptyWithUidNextOne()
    {
        var (_, alice) = await CreateAccountAsync();

        var mailbox = await Store.Mailboxes.CreateAsync(alice.Id, "Calendar", "IPF.Appointment", Ct);

        Assert.Equal("Calendar", mailbox.Name);
        Assert.Equal("IPF.Appointment", mailbox.Class);
        Assert.Equal(1u, mailbox.UidNext);
        Assert.Equal(0, mailbox.MessageCount);
        Assert.NotEqual(0u, mailbox.UidValidity);
        Assert.Equal(mailbox, await Store.Mailboxes.FindAsync(alice.Id, "Calendar", Ct));
    }

    [Fact]
    public async Task RecreatedMailboxGetsANewUidValidity()
    {
        var (_, alice) = await CreateAccountAsync();
        var first = await Store.Mailboxes.CreateAsync(alice.Id, "Work", "", Ct);
        await Store.Mailboxes.DeleteAsync(first.Id, Ct);

        var second = await Store.Mailboxes.CreateAsync(alice.Id, "Work", "", Ct);

        Assert.True(second.UidValidity > first.UidValidity);
    }

    [Fact]
    public async Task MailboxNamesAreUniquePerAccount()
    {
        var (_, alice) = await CreateAccountAsync("alice");
        var (_, bob) = await CreateAccountAsync("bob");
        await Store.Mailboxes.CreateAsync(alice.Id, "INBOX", "", Ct);

        await Store.Mailboxes.CreateAsync(bob.Id, "INBOX", "", Ct);
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Mailboxes.CreateAsync(alice.Id, "INBOX", "", Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Mailboxes.CreateAsync(12345, "INBOX", "", Ct));
    }

    [Fact]
    public async Task MailboxesAreListedByName()
    {
        var (_, alice) = await CreateAccountAsync();
        foreach (var name in new[] { "Trash", "INBOX", "Archive/2024", "Archive" })
            await Store.Mailboxes.CreateAsync(alice.Id, name, "", Ct);

        Assert.Equal(["Archive", "Archive/2024", "INBOX", "Trash"], (await Store.Mailboxes.ListAsync(alice.Id, Ct)).Select(m => m.Name));
    }

    [Fact]
    public async Task RenamingWithChildrenMovesTheWholeSubtreeAndKeepsMessages()
    {
        var (_, alice) = await CreateAccountAsync();
        var archive = await Store.Mailboxes.CreateAsync(alice.Id, "Archive", "", Ct);
        var year = await Store.Mailboxes.CreateAsync(alice.Id, "Archive/2024", "", Ct);
        await Store.Mailboxes.CreateAsync(alice.Id, "Archived", "", Ct);
        await Store.Messages.AppendAsync(year.Id, [TestMessages.Create("kept")], Ct);

        var renamed = await Store.Mailboxes.RenameAsync(archive.Id, "Old", withChildren: true, Ct);

        Assert.Equal(["Old", "Old/2024"], renamed.Select(m => m.Name));
        Assert.Equal(["Archived", "Old", "Old/2024"], (await Store.Mailboxes.ListAsync(alice.Id, Ct)).Select(m => m.Name));
        var moved = (await Store.Mailboxes.FindAsync(alice.Id, "Old/2024", Ct))!;
        Assert.Equal(year.Id, moved.Id);
        Assert.Equal(year.UidValidity, moved.UidValidity);
        Assert.Equal(1, moved.MessageCount);
    }

    [Fact]
    public async Task RenamingWithoutChildrenLeavesThemInPlace()
    {
        var (_, alice) = await CreateAccountAsync();
        var archive = await Store.Mailboxes.CreateAsync(alice.Id, "Archive", "", Ct);
        await Store.Mailboxes.CreateAsync(alice.Id, "Archive/2024", "", Ct);

        await Store.Mailboxes.RenameAsync(archive.Id, "Old", withChildren: false, Ct);

        Assert.Equal(["Archive/2024", "Old"], (await Store.Mailboxes.ListAsync(alice.Id, Ct)).Select(m => m.Name));
    }

    [Fact]
    public async Task RenameOntoATakenNameChangesNothing()
    {
        var (_, alice) = await CreateAccountAsync();
        var a = await Store.Mailboxes.CreateAsync(alice.Id, "A", "", Ct);
        await Store.Mailboxes.CreateAsync(alice.Id, "A/x", "", Ct);
        await Store.Mailboxes.CreateAsync(alice.Id, "B/x", "", Ct);

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Mailboxes.RenameAsync(a.Id, "B", withChildren: true, Ct));

        Assert.Equal(["A", "A/x", "B/x"], (await Store.Mailboxes.ListAsync(alice.Id, Ct)).Select(m => m.Name));
    }

    [Fact]
    public async Task MailboxCannotBeMovedBelowItself()
    {
        var (_, alice) = await CreateAccountAsync();
        var a = await Store.Mailboxes.CreateAsync(alice.Id, "A", "", Ct);

        await Assert.ThrowsAnyAsync<StoreException>(() => Store.Mailboxes.RenameAsync(a.Id, "A/B", withChildren: true, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Mailboxes.RenameAsync(12345, "X", withChildren: true, Ct));
    }

    [Fact]
    public async Task SubscriptionsMayNameMissingMailboxes()
    {
        var (_, alice) = await CreateAccountAsync();

        Assert.True(await Store.Mailboxes.SetSubscribedAsync(alice.Id, "Lists/dotnet", true, Ct));
        Assert.False(await Store.Mailboxes.SetSubscribedAsync(alice.Id, "Lists/dotnet", true, Ct));
        Assert.True(await Store.Mailboxes.SetSubscribedAsync(alice.Id, "INBOX", true, Ct));
        Assert.Equal(["INBOX", "Lists/dotnet"], await Store.Mailboxes.ListSubscriptionsAsync(alice.Id, Ct));

        Assert.True(await Store.Mailboxes.SetSubscribedAsync(alice.Id, "INBOX", false, Ct));
        Assert.False(await Store.Mailboxes.SetSubscribedAsync(alice.Id, "INBOX", false, Ct));
        Assert.Equal(["Lists/dotnet"], await Store.Mailboxes.ListSubscriptionsAsync(alice.Id, Ct));
    }

    [Fact]
    public async Task MailboxAliasesAreSetRetargetedAndRemoved()
    {
        var (_, alice) = await CreateAccountAsync();

        await Store.Mailboxes.SetAliasAsync(alice.Id, "Team", "~bob@example.com/Shared", Ct);
        await Store.Mailboxes.SetAliasAsync(alice.Id, "Team", "~carol@example.com/Shared", Ct);

        var alias = Assert.Single(await Store.Mailboxes.ListAliasesAsync(alice.Id, Ct));
        Assert.Equal(new MailboxAliasRecord(alice.Id, "Team", "~carol@example.com/Shared"), alias);
        Assert.True(await Store.Mailboxes.RemoveAliasAsync(alice.Id, "Team", Ct));
        Assert.Empty(await Store.Mailboxes.ListAliasesAsync(alice.Id, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Mailboxes.SetAliasAsync(12345, "T", "~x@y/z", Ct));
    }

    [Fact]
    public async Task AclEntriesAreSetReplacedAndRemovedByEmptyRights()
    {
        var mailbox = await CreateMailboxAsync("Shared");

        await Store.Mailboxes.SetAclEntryAsync(mailbox.Id, "bob@example.com", "lr", Ct);
        await Store.Mailboxes.SetAclEntryAsync(mailbox.Id, "anyone", "l", Ct);
        await Store.Mailboxes.SetAclEntryAsync(mailbox.Id, "bob@example.com", "lrswi", Ct);

        Assert.Equal(
            [new AclEntry("anyone", "l"), new AclEntry("bob@example.com", "lrswi")],
            await Store.Mailboxes.GetAclAsync(mailbox.Id, Ct));

        await Store.Mailboxes.SetAclEntryAsync(mailbox.Id, "anyone", "", Ct);
        Assert.Equal([new AclEntry("bob@example.com", "lrswi")], await Store.Mailboxes.GetAclAsync(mailbox.Id, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Mailboxes.SetAclEntryAsync(12345, "anyone", "l", Ct));
    }

    [Fact]
    public async Task GrantedMailboxesAreFoundByGranteeWithTheirOwners()
    {
        var shared = await CreateMailboxAsync("Shared", account: "carol");
        var inbox = await CreateMailboxAsync("INBOX", account: "bob");
        await CreateMailboxAsync("Private", account: "bob");
        await Store.Mailboxes.SetAclEntryAsync(shared.Id, "anyone", "lr", Ct);
        await Store.Mailboxes.SetAclEntryAsync(inbox.Id, "alice@example.com", "lrs", Ct);
        await Store.Mailboxes.SetAclEntryAsync(inbox.Id, "dave@example.com", "l", Ct);

        var granted = await Store.Mailboxes.ListGrantedAsync(["alice@example.com", "anyone"], Ct);

        Assert.Equal(
            [("bob", "INBOX", "alice@example.com", "lrs"), ("carol", "Shared", "anyone", "lr")],
            granted.Select(g => (g.OwnerName, g.Mailbox.Name, g.Entry.Grantee, g.Entry.Rights)));
        Assert.All(granted, g => Assert.Equal("example.com", g.OwnerDomain));
        Assert.Equal(inbox.Id, granted[0].Mailbox.Id);
        Assert.Empty(await Store.Mailboxes.ListGrantedAsync(["nobody@example.com"], Ct));
    }

    [Fact]
    public async Task DeletingAMailboxRemovesItsMessagesAndAcl()
    {
        var mailbox = await CreateMailboxAsync("Shared");
        await Store.Mailboxes.SetAclEntryAsync(mailbox.Id, "anyone", "l", Ct);
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("x")], Ct);

        Assert.True(await Store.Mailboxes.DeleteAsync(mailbox.Id, Ct));

        Assert.Null(await Store.Mailboxes.GetAsync(mailbox.Id, Ct));
        Assert.Empty(await Store.Mailboxes.GetAclAsync(mailbox.Id, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Messages.ListAsync(mailbox.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct));
        Assert.False(await Store.Mailboxes.DeleteAsync(mailbox.Id, Ct));
    }
}
