using Postern.Accounts;
using Postern.Mail.Access;
using Postern.Mail.Mailboxes;

namespace Postern.Mail.Tests.Access;

public class MailboxAccessTests : MailContext
{
    [Fact]
    public async Task OwnMailboxesAreFoundInAnyInboxCaseWithEveryRight()
    {
        var alice = await CreateUserAsync();

        var inbox = await Access.GetAsync(alice, "inbox", Ct);

        Assert.Equal("INBOX", inbox.Name);
        Assert.True(inbox.IsOwn);
        Assert.Equal(MailboxRights.All, inbox.Rights);
        Assert.Null(await Access.FindAsync(alice, "Nowhere", Ct));
        await Assert.ThrowsAsync<UnknownMailboxException>(() => Access.GetAsync(alice, "Nowhere", Ct));
    }

    [Theory]
    [InlineData("~bob/INBOX")]
    [InlineData("~bob@example.com/INBOX")]
    [InlineData("~Bob@EXAMPLE.com/inbox")]
    public async Task AnotherAccountsMailboxIsReachedByTildeNameWithTheRightsItsAclGrants(string name)
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        await Mailboxes.SetRightsAsync((await MailboxAsync(bob)).Record, "alice@example.com", MailboxRightsText.Parse("lr"), Ct);
        await Mailboxes.SetRightsAsync((await MailboxAsync(bob)).Record, "anyone", MailboxRights.Seen, Ct);

        var inbox = await Access.GetAsync(alice, name, Ct);

        Assert.Equal("~bob@example.com/INBOX", inbox.Name);
        Assert.False(inbox.IsOwn);
        Assert.Equal(AccountName.Parse("bob@example.com"), inbox.Owner);
        Assert.Equal("lrs", MailboxRightsText.Format(inbox.Rights));
        var denied = Assert.Throws<MailAccessDeniedException>(() => inbox.Require(MailboxRights.Delete, "expunge its messages"));
        Assert.Equal(MailErrorCode.AccessDenied, denied.Code);
        Assert.Equal("access to mailbox ~bob@example.com/INBOX denied: you may not expunge its messages", denied.Message);
    }

    [Fact]
    public async Task AMailboxWithoutAnyRightForTheUserLooksUnknown()
    {
        var alice = await CreateUserAsync();
        await CreateUserAsync("bob@example.com");

        Assert.Null(await Access.FindAsync(alice, "~bob/INBOX", Ct));
        Assert.Null(await Access.FindAsync(alice, "~nobody/INBOX", Ct));
        var error = await Assert.ThrowsAsync<MailException>(() => Access.GetAsync(alice, "~bob", Ct));
        Assert.Equal(MailErrorCode.IllegalMailboxName, error.Code);
    }

    [Fact]
    public async Task AnAliasReachesItsTargetWithTheTargetsRights()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var shared = await Mailboxes.CreateAsync(bob.Account, "Team", "", Ct);
        await Mailboxes.SetAliasAsync(alice.Account, "Bobs Team", AccountName.Parse("bob@example.com"), "Team", Ct);

        Assert.Null(await Access.FindAsync(alice, "Bobs Team", Ct));
        await Mailboxes.SetRightsAsync(shared, "anyone", MailboxRightsText.Parse("lri"), Ct);
        var viaAlias = await Access.GetAsync(alice, "Bobs Team", Ct);

        Assert.Equal("Bobs Team", viaAlias.Name);
        Assert.Equal(shared.Id, viaAlias.Id);
        Assert.Equal("lri", MailboxRightsText.Format(viaAlias.Rights));
    }

    [Fact]
    public async Task RefreshSeesAclChangesRenamesAndRemovals()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var project = await Mailboxes.CreateAsync(bob.Account, "Project", "", Ct);
        await Mailboxes.SetRightsAsync(project, "alice@example.com", MailboxRightsText.Parse("lr"), Ct);
        var seen = await Access.GetAsync(alice, "~bob/Project", Ct);

        await Mailboxes.SetRightsAsync(project, "alice@example.com", MailboxRightsText.Parse("lrw"), Ct);
        await Mailboxes.RenameAsync(bob.Account, "Project", "Done", false, Ct);
        var refreshed = await Access.RefreshAsync(alice, seen, Ct);

        Assert.Equal("~bob@example.com/Done", refreshed.Name);
        Assert.Equal("lrw", MailboxRightsText.Format(refreshed.Rights));
        await Mailboxes.SetRightsAsync(project, "alice@example.com", MailboxRights.None, Ct);
        await Assert.ThrowsAsync<UnknownMailboxException>(() => Access.RefreshAsync(alice, seen, Ct));
    }

    [Fact]
    public async Task MailboxesNamedByIdInChangesAreFoundAsTheUserSeesThem()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var bobsInbox = await MailboxAsync(bob);

        Assert.Equal("INBOX", (await Access.FindAsync(alice, (await MailboxAsync(alice)).Id, Ct))!.Name);
        Assert.Null(await Access.FindAsync(alice, bobsInbox.Id, Ct));
        await Mailboxes.SetRightsAsync(bobsInbox.Record, "anyone", MailboxRights.Lookup, Ct);
        var shared = await Access.FindAsync(alice, bobsInbox.Id, Ct);
        Assert.Equal(("~bob@example.com/INBOX", MailboxRights.Lookup), (shared!.Name, shared.Rights));
        Assert.Null(await Access.FindAsync(alice, 12345, Ct));
    }

    [Fact]
    public async Task UsersAreFoundByAliasAndCarryTheCanonicalName()
    {
        var alice = await CreateAccountAsync();
        await Accounts.AddAliasAsync(alice, "ally", Ct);

        var user = await Access.GetUserAsync(AccountName.Parse("ally@example.com"), Ct);

        Assert.Equal(AccountName.Parse("alice@example.com"), user.Name);
        Assert.Equal(alice.Id, user.Id);
        Assert.Equal(user.Name, (await Access.GetUserAsync(alice.Id, Ct)).Name);
        await Assert.ThrowsAsync<UnknownNameException>(() => Access.GetUserAsync(12345, Ct));
    }
}
