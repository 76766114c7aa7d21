using Postern.Data;
using Postern.Mail.Mailboxes;
using Postern.WebUser.Components;

namespace Postern.WebUser.Tests.Components;

public class MailboxSettingsTests : ComponentTestBase
{
    [Fact]
    public async Task TheDatasetListsTheAclWithOneElementPerRight()
    {
        var box = await Web.Services.Mailboxes.GetAsync(Account, "INBOX", Ct);
        await Web.Services.Mailboxes.SetRightsAsync(box, "bob@example.com", MailboxRights.Lookup | MailboxRights.Read | MailboxRights.Administer, Ct);

        var context = await Web.RunAsync(new MailboxSettings(), Session, ("Mailbox", "INBOX"));

        Assert.Equal(["mailbox", "rights"], WebUserTestContext.KeysOf(context.Dataset));
        var entry = (DataDictionary)((DataArray)context.Dataset["rights"]).Single();
        Assert.Equal(["admin", "ident", "index", "lookup", "select"], WebUserTestContext.KeysOf(entry));
        Assert.Equal("bob@example.com", entry["ident"].AsString);
    }

    [Fact]
    public async Task UpdateReplacesTheAclWithTheSubmittedEntries()
    {
        var box = await Web.Services.Mailboxes.GetAsync(Account, "INBOX", Ct);
        await Web.Services.Mailboxes.SetRightsAsync(box, "old@example.com", MailboxRights.Lookup, Ct);

        var context = await Web.RunAsync(new MailboxSettings(), Session,
            ("Mailbox", "INBOX"), ("Update", "1"), ("Acc", "0"), ("Z0", "anyone"), ("l0", "on"), ("r0", "on"), ("Acc", "1"), ("Z1", ""));

        Assert.Equal("Updated", context.Dataset["messageCode"].AsString);
        var acl = await Web.Services.Mailboxes.GetAclAsync(box, Ct);
        Assert.Equal([("anyone", MailboxRights.Lookup | MailboxRights.Read)], acl);
    }

    [Fact]
    public async Task RenameWithSubMailboxesRenamesThemAllAndStops()
    {
        await Web.Services.Mailboxes.CreateAsync(Account, "Work", "", Ct);
        await Web.Services.Mailboxes.CreateAsync(Account, "Work/2024", "", Ct);

        var context = await Web.RunAsync(new MailboxSettings(), Session, ("Mailbox", "Work"), ("Rename", "1"), ("NewName", "Job"), ("RenameSub", "1"));

        Assert.Equal(["renamed"], WebUserTestContext.KeysOf(context.Dataset));
        Assert.NotNull(await Web.Services.Mailboxes.FindAsync(Account, "Job/2024", Ct));
        Assert.Null(await Web.Services.Mailboxes.FindAsync(Account, "Work", Ct));
    }

    [Fact]
    public async Task RemoveStopsWithRemovedAndInboxCannotBeRemoved()
    {
        await Web.Services.Mailboxes.CreateAsync(Account, "Old", "", Ct);

        var removed = await Web.RunAsync(new MailboxSettings(), Session, ("Mailbox", "Old"), ("Remove", "1"));
        var inbox = await Web.RunAsync(new MailboxSettings(), Session, ("Mailbox", "INBOX"), ("Remove", "1"));

        Assert.Equal(["removed"], WebUserTestContext.KeysOf(removed.Dataset));
        Assert.Equal("INBOX cannot be removed", inbox.Dataset["errorCode"].AsString);
    }

    [Fact]
    public async Task AnUnknownMailboxGivesAnErrorCodeOnly()
    {
        var context = await Web.RunAsync(new MailboxSettings(), Session, ("Mailbox", "Nope"));

        Assert.Equal(["errorCode"], WebUserTestContext.KeysOf(context.Dataset));
    }
}
