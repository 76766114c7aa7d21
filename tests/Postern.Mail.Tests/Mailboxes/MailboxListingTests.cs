using System.Diagnostics;
using Postern.Accounts;
using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.Mail.Tests.Mailboxes;

public class MailboxListingTests : MailContext
{
    [Fact]
    public async Task ListingMatchesPatternsAndReportsCountersAndStatistics()
    {
        var alice = await CreateUserAsync();
        await Mailboxes.CreateAsync(alice, "Archive/2024", "", Ct);
        await Mailboxes.CreateAsync(alice, "Archive/2024/May", "", Ct);
        var inbox = await MailboxAsync(alice);
        await Appender.AppendAsync(inbox.Record, TestMail.Message("one"), MessageFlags.Seen | MessageFlags.Recent, [], TestMail.BaseDate, Ct);
        await Appender.AppendAsync(inbox.Record, TestMail.Message("two"), MessageFlags.Media, [], TestMail.BaseDate.AddDays(-1), Ct);

        var top = await Mailboxes.ListAsync(alice, new MailboxListOptions("%"), Ct);
        var all = await Mailboxes.ListAsync(alice, MailboxListOptions.All, Ct);

        Assert.Equal(["Drafts", "INBOX", "Sent", "Trash"], top.Select(m => m.Name));
        Assert.Equal(["Archive/2024", "Archive/2024/May", "Drafts", "INBOX", "Sent", "Trash"], all.Select(m => m.Name));
        var listed = all.Single(m => m.Name == "INBOX");
        Assert.Equal(2, listed.Mailbox!.Record.MessageCount);
        Assert.Equal(1, listed.Mailbox.Record.UnseenCount);
        Assert.Equal(3u, listed.Mailbox.Record.UidNext);
        Assert.Equal(new MailboxStatistics(TestMail.BaseDate.AddDays(-1), 1, 1, 1), listed.Statistics);
        Assert.True(all.Single(m => m.Name == "Archive/2024").HasChildren);
        Assert.False(listed.HasChildren);
        Assert.Equal(["INBOX"], (await Mailboxes.ListAsync(alice, new MailboxListOptions("inbox", WithStatistics: false), Ct)).Select(m => m.Name));
    }

    [Fact]
    public async Task PureFoldersAreListedOnlyWhenAskedFor()
    {
        var alice = await CreateUserAsync();
        await Mailboxes.CreateAsync(alice, "Projects/Alpha/Notes", "", Ct);

        var plain = await Mailboxes.ListAsync(alice, new MailboxListOptions("Projects*"), Ct);
        var withFolders = await Mailboxes.ListAsync(alice, new MailboxListOptions("Projects*", PureFolders: true), Ct);
        var topLevel = await Mailboxes.ListAsync(alice, new MailboxListOptions("%", PureFolders: true), Ct);

        Assert.Equal(["Projects/Alpha/Notes"], plain.Select(m => m.Name));
        Assert.Equal(["Projects", "Projects/Alpha", "Projects/Alpha/Notes"], withFolders.Select(m => m.Name));
        Assert.True(withFolders[0].IsPureFolder);
        Assert.True(withFolders[0].HasChildren);
        Assert.False(withFolders[2].IsPureFolder);
        Assert.Contains(topLevel, m => m.Name == "Projects" && m.IsPureFolder);
    }

    [Fact]
    public async Task ClassFilterKeepsMailboxesOfThatClass()
    {
        var alice = await CreateUserAsync();
        await Mailboxes.CreateAsync(alice, "Calendar", "calendar", Ct);
        await Mailboxes.CreateAsync(alice, "Contacts", "IPF.Contact", Ct);

        var calendars = await Mailboxes.ListAsync(alice, new MailboxListOptions(MailboxClass: "IPF.Appointment"), Ct);

        Assert.Equal(["Calendar"], calendars.Select(m => m.Name));
        await Assert.ThrowsAsync<MailException>(() => Mailboxes.ListAsync(alice, new MailboxListOptions(MailboxClass: "spreadsheets"), Ct));
    }

    [Fact]
    public async Task TildePatternsListMailboxesOthersShareAndPlainPatternsListAliases()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var team = await Mailboxes.CreateAsync(bob.Account, "Team", "", Ct);
        var hidden = await Mailboxes.CreateAsync(bob.Account, "Hidden", "", Ct);
        await Mailboxes.SetRightsAsync(team, "anyone", MailboxRightsText.Parse("l"), Ct);
        await Mailboxes.SetRightsAsync(team, "alice@example.com", MailboxRightsText.Parse("rs"), Ct);
        await Mailboxes.SetRightsAsync(hidden, "alice@example.com", MailboxRightsText.Parse("r"), Ct);
        await Mailboxes.SetAliasAsync(alice.Account, "Bobs Team", AccountName.Parse("bob@example.com"), "Team", Ct);

        var shared = await Mailboxes.ListAsync(alice, new MailboxListOptions("~*"), Ct);
        var own = await Mailboxes.ListAsync(alice, new MailboxListOptions("B*"), Ct);

        var team1 = Assert.Single(shared);
        Assert.Equal("~bob@example.com/Team", team1.Name);
        Assert.Equal("lrs", MailboxRightsText.Format(team1.Mailbox!.Rights));
        var alias = Assert.Single(own);
        Assert.Equal("Bobs Team", alias.Name);
        Assert.Equal(team.Id, alias.Mailbox!.Id);
        Assert.Empty(await Mailboxes.ListAsync(bob, new MailboxListOptions("~*"), Ct));
    }

    [Fact]
    public async Task OthersMailboxesAreCreatedRenamedAndRemovedOnlyWithTheirRights()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var shared = await Mailboxes.CreateAsync(bob.Account, "Shared", "", Ct);

        await Assert.ThrowsAsync<UnknownMailboxException>(() => Mailboxes.CreateAsync(alice, "~bob/Shared/Minutes", "", Ct));
        await Mailboxes.SetRightsAsync(shared, "alice@example.com", MailboxRightsText.Parse("lc"), Ct);
        var minutes = await Mailboxes.CreateAsync(alice, "~bob/Shared/Minutes", "", Ct);
        Assert.Equal("~bob@example.com/Shared/Minutes", minutes.Name);
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Mailboxes.CreateAsync(alice, "~bob/TopLevel", "", Ct));

        // The new mailbox inherits its parent's ACL: creating does not grant deleting.
        Assert.Equal("lc", MailboxRightsText.Format(minutes.Rights));
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Mailboxes.RemoveAsync(alice, "~bob/Shared/Minutes", false, Ct));
        await Mailboxes.SetRightsAsync(minutes.Record, "alice@example.com", MailboxRightsText.Parse("ld"), Ct);
        Assert.Equal(["~bob@example.com/Shared/Notes"], await Mailboxes.RenameAsync(alice, "~bob/Shared/Minutes", "~bob/Shared/Notes", false, Ct));
        Assert.Equal(["~bob@example.com/Shared/Notes"], await Mailboxes.RemoveAsync(alice, "~bob/Shared/Notes", false, Ct));
        Assert.Null(await Mailboxes.FindAsync(bob.Account, "Shared/Notes", Ct));
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Mailboxes.RemoveAsync(alice, "~bob/Shared", false, Ct));
    }

    [Fact]
    public async Task SubMailboxesStartWithTheirParentsAcl()
    {
        var alice = await CreateUserAsync();
        await Mailboxes.CreateAsync(alice, "Shared", "", Ct);
        await Mailboxes.UpdateAclAsync(alice, "Shared", [new MailboxAclChange("anyone", MailboxAclChangeMode.Set, MailboxRightsText.Parse("lr"))], Ct);

        await Mailboxes.CreateAsync(alice, "Shared/Photos", "", Ct);
        await Mailboxes.CreateAsync(alice, "Private", "", Ct);

        Assert.Equal([("anyone", MailboxRightsText.Parse("lr"))], await Mailboxes.GetAclAsync(alice, "Shared/Photos", Ct));
        Assert.Empty(await Mailboxes.GetAclAsync(alice, "Private", Ct));
    }

    [Fact]
    public async Task RemovingAMailboxWithSubMailboxesNeedsTheChildrenOption()
    {
        var alice = await CreateUserAsync();
        await Mailboxes.CreateAsync(alice, "Work", "", Ct);
        await Mailboxes.CreateAsync(alice, "Work/Old", "", Ct);

        var error = await Assert.ThrowsAsync<MailException>(() => Mailboxes.RemoveAsync(alice, "Work", false, Ct));

        Assert.Equal(MailErrorCode.HasSubMailboxes, error.Code);
        Assert.Equal(["Work", "Work/Old"], await Mailboxes.RemoveAsync(alice, "Work", true, Ct));
    }

    [Fact]
    public async Task AclChangesSetAddAndRemoveRightsForAdministratorsOnly()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");

        await Mailboxes.UpdateAclAsync(alice, "INBOX",
        [
            new MailboxAclChange("Bob@Example.com", MailboxAclChangeMode.Set, MailboxRightsText.Parse("lrs")),
            new MailboxAclChange("bob@example.com", MailboxAclChangeMode.Add, MailboxRightsText.Parse("wi")),
            new MailboxAclChange("bob@example.com", MailboxAclChangeMode.Remove, MailboxRightsText.Parse("s")),
            new MailboxAclChange("anyone", MailboxAclChangeMode.Set, MailboxRights.Lookup),
            new MailboxAclChange("anyone", MailboxAclChangeMode.Set, MailboxRights.None),
        ], Ct);

        var acl = await Mailboxes.GetAclAsync(alice, "INBOX", Ct);
        Assert.Equal([("bob@example.com", MailboxRightsText.Parse("lrwi"))], acl);
        Assert.Equal(MailboxRightsText.Parse("lrwi"), await Mailboxes.GetRightsAsync(bob, "~alice/INBOX", Ct));
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Mailboxes.GetAclAsync(bob, "~alice/INBOX", Ct));
        await Assert.ThrowsAsync<MailAccessDeniedException>(() =>
            Mailboxes.UpdateAclAsync(bob, "~alice/INBOX", [new MailboxAclChange("bob@example.com", MailboxAclChangeMode.Add, MailboxRights.Administer)], Ct));
    }

    [Theory]
    [InlineData("INBOX", "*", true)]
    [InlineData("INBOX/Sub", "inbox/%", true)]
    [InlineData("Archive/2024", "%", false)]
    [InlineData("Archive/2024", "%/%", true)]
    [InlineData("Archive/2024", "Arch*4", true)]
    [InlineData("Archive/2024", "Arch%4", false)]
    [InlineData("Archive", "archive", false)]
    [InlineData("a/b/c", "%/*", true)]
    [InlineData("", "%", true)]
    public void PatternsMatchAsImapListDoes(string name, string pattern, bool matches) =>
        Assert.Equal(matches, MailboxName.Matches(name, pattern));

    [Fact]
    public void PatternMatchingTakesLinearTimeOnHostilePatterns()
    {
        var name = new string('a', 1000) + "b";
        var pattern = string.Concat(Enumerable.Repeat("*a", 40)) + "c";

        var clock = Stopwatch.StartNew();
        var matched = MailboxName.Matches(name, pattern);

        Assert.False(matched);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }
}
