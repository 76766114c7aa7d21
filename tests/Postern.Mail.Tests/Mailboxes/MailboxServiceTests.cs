using Postern.Accounts;
using Postern.Mail.Mailboxes;

namespace Postern.Mail.Tests.Mailboxes;

public class MailboxServiceTests : MailContext
{
    [Fact]
    public async Task NewAccountsGetTheDefaultMailboxesSubscribed()
    {
        var alice = await CreateAccountAsync();

        Assert.Equal(["Drafts", "INBOX", "Sent", "Trash"], (await Mailboxes.ListAsync(alice, null, Ct)).Select(m => m.Name));
        Assert.Equal(["Drafts", "INBOX", "Sent", "Trash"], await Mailboxes.ListSubscriptionsAsync(alice, Ct));
    }

    [Fact]
    public async Task EnsuringDefaultsAgainRestoresOnlyWhatIsMissing()
    {
        var alice = await CreateAccountAsync();
        var inbox = await Mailboxes.GetAsync(alice, "inbox", Ct);
        await Mailboxes.RemoveAsync(alice, "Trash", withChildren: false, Ct);

        await Mailboxes.EnsureDefaultMailboxesAsync(alice, Ct);

        Assert.Equal(inbox.Id, (await Mailboxes.GetAsync(alice, "INBOX", Ct)).Id);
        Assert.NotNull(await Mailboxes.FindAsync(alice, "Trash", Ct));
    }

    [Fact]
    public async Task CreateKeepsTheClassAndRefusesDuplicates()
    {
        var alice = await CreateAccountAsync();

        var calendar = await Mailboxes.CreateAsync(alice, "Calendar", "calendar", Ct);

        Assert.Equal(MailboxClass.Calendar, calendar.Class);
        var duplicate = await Assert.ThrowsAsync<MailException>(() => Mailboxes.CreateAsync(alice, "Calendar", "", Ct));
        Assert.Equal("mailbox Calendar already exists", duplicate.Message);
        await Assert.ThrowsAsync<MailException>(() => Mailboxes.CreateAsync(alice, "inbox", "", Ct));
    }

    [Fact]
    public async Task ListFiltersByPattern()
    {
        var alice = await CreateAccountAsync();
        await Mailboxes.CreateAsync(alice, "Archive", "", Ct);
        await Mailboxes.CreateAsync(alice, "Archive/2024", "", Ct);

        Assert.Equal(["Archive/2024"], (await Mailboxes.ListAsync(alice, "%/%", Ct)).Select(m => m.Name));
        Assert.Equal(["Archive", "Archive/2024"], (await Mailboxes.ListAsync(alice, "Arch*", Ct)).Select(m => m.Name));
    }

    [Fact]
    public async Task RenameMovesChildrenAndSubscriptions()
    {
        var alice = await CreateAccountAsync();
        await Mailboxes.CreateAsync(alice, "Work", "", Ct);
        await Mailboxes.CreateAsync(alice, "Work/Projects", "", Ct);
        await Mailboxes.SetSubscribedAsync(alice, "Work/Projects", true, Ct);

        var renamed = await Mailboxes.RenameAsync(alice, "Work", "Job", withChildren: true, Ct);

        Assert.Equal(["Job", "Job/Projects"], renamed.Select(m => m.Name));
        Assert.Contains("Job/Projects", await Mailboxes.ListSubscriptionsAsync(alice, Ct));
        Assert.DoesNotContain("Work/Projects", await Mailboxes.ListSubscriptionsAsync(alice, Ct));
    }

    [Fact]
    public async Task InboxCannotBeRenamedOrRemoved()
    {
        var alice = await CreateAccountAsync();

        await Assert.ThrowsAsync<MailException>(() => Mailboxes.RenameAsync(alice, "INBOX", "Old", false, Ct));
        await Assert.ThrowsAsync<MailException>(() => Mailboxes.RenameAsync(alice, "Sent", "inbox", false, Ct));
        await Assert.ThrowsAsync<MailException>(() => Mailboxes.RemoveAsync(alice, "INBOX", false, Ct));
    }

    [Fact]
    public async Task RemoveWithChildrenRemovesTheSubtreeAndItsSubscriptions()
    {
        var alice = await CreateAccountAsync();
        await Mailboxes.CreateAsync(alice, "Work", "", Ct);
        await Mailboxes.CreateAsync(alice, "Work/Projects", "", Ct);
        await Mailboxes.CreateAsync(alice, "Workshop", "", Ct);
        await Mailboxes.SetSubscribedAsync(alice, "Work/Projects", true, Ct);

        var removed = await Mailboxes.RemoveAsync(alice, "Work", withChildren: true, Ct);

        Assert.Equal(["Work", "Work/Projects"], removed);
        Assert.NotNull(await Mailboxes.FindAsync(alice, "Workshop", Ct));
        Assert.DoesNotContain("Work/Projects", await Mailboxes.ListSubscriptionsAsync(alice, Ct));
        await Assert.ThrowsAsync<UnknownMailboxException>(() => Mailboxes.RemoveAsync(alice, "Work", false, Ct));
    }

    [Fact]
    public async Task OwnerHasAllRightsOthersWhatTheAclGrants()
    {
        var alice = await CreateAccountAsync();
        var bob = await CreateAccountAsync("bob@example.com");
        var carol = await CreateAccountAsync("carol@example.com");
        var shared = await Mailboxes.CreateAsync(alice, "Shared", "", Ct);

        await Mailboxes.SetRightsAsync(shared, "Bob@Example.com", MailboxRightsText.Parse("lrs"), Ct);
        await Mailboxes.SetRightsAsync(shared, "ANYONE", MailboxRights.Lookup | MailboxRights.Insert, Ct);

        Assert.Equal(MailboxRights.All, await Access.GetRightsAsync(shared, await Access.GetUserAsync(alice.Id, Ct), Ct));
        Assert.Equal("lrsi", MailboxRightsText.Format(await Access.GetRightsAsync(shared, await Access.GetUserAsync(bob.Id, Ct), Ct)));
        Assert.Equal("li", MailboxRightsText.Format(await Access.GetRightsAsync(shared, await Access.GetUserAsync(carol.Id, Ct), Ct)));
        Assert.Equal(["anyone", "bob@example.com"], (await Mailboxes.GetAclAsync(shared, Ct)).Select(e => e.Grantee));
        await Assert.ThrowsAsync<MailException>(() => Mailboxes.SetRightsAsync(shared, "not a name", MailboxRights.Read, Ct));
    }

    [Fact]
    public async Task AliasPointsAtAnotherAccountsMailbox()
    {
        var alice = await CreateAccountAsync();

        await Mailboxes.SetAliasAsync(alice, "Team", AccountName.Parse("bob@example.com"), "shared/team", Ct);

        var alias = Assert.Single(await Mailboxes.ListAliasesAsync(alice, Ct));
        Assert.Equal("~bob@example.com/shared/team", alias.Target);
        await Assert.ThrowsAsync<MailException>(() => Mailboxes.SetAliasAsync(alice, "INBOX", AccountName.Parse("bob@example.com"), "x", Ct));
    }
}
