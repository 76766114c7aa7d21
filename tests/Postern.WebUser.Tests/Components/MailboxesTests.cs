using Postern.Data;
using Postern.WebUser.Components;

namespace Postern.WebUser.Tests.Components;

public class MailboxesTests : ComponentTestBase
{
    private static readonly string[] s_listKeys = ["currentStorage", "filter", "mailboxClasses", "mailboxList", "nSelected", "newName", "storageLimit", "trashSize"];

    [Fact]
    public async Task TheDatasetHasTheSeedKeysAndOneEntryPerSubscribedMailbox()
    {
        var context = await Web.RunAsync(new Mailboxes(), Session);

        Assert.Equal(s_listKeys, WebUserTestContext.KeysOf(context.Dataset));
        var list = (DataArray)context.Dataset["mailboxList"];
        Assert.Equal(["INBOX", "Drafts", "Sent", "Trash"], list.Select(e => ((DataDictionary)e)["mailboxName"].AsString));
        Assert.Equal(["mailboxName", "mailboxPage", "nMessages", "nRecent", "numUnread", "size"], WebUserTestContext.KeysOf(list[0]));
        Assert.Equal("4", context.Dataset["nSelected"].AsString);
        Assert.Equal("unlimited", context.Dataset["storageLimit"].AsString);
        Assert.Equal("Mailbox.wssp", ((DataDictionary)list[0])["mailboxPage"].AsString);
    }

    [Fact]
    public async Task CreateMakesASubscribedMailboxOfTheRequestedClassWithAParentEntry()
    {
        var context = await Web.RunAsync(new Mailboxes(), Session, ("Create", "1"), ("NewName", "Projects/Postern"), ("newClass", "IPF.Contact"));

        Assert.Equal("MailboxCreated", context.Dataset["messageCode"].AsString);
        var list = ((DataArray)context.Dataset["mailboxList"]).Cast<DataDictionary>().ToList();
        var created = list.Single(e => e["mailboxName"].AsString == "Projects/Postern");
        var parent = list.Single(e => e["mailboxName"].AsString == "Projects");
        Assert.Equal("Projects", created["parent"].AsString);
        Assert.Equal("IPF.Contact", created["mailboxClass"].AsString);
        Assert.Equal("Contacts.wssp", created["mailboxPage"].AsString);
        Assert.Equal(["mailboxName", "nonSelectable"], WebUserTestContext.KeysOf(parent));
    }

    [Fact]
    public async Task CreatingAnExistingMailboxGivesAnErrorCode()
    {
        var context = await Web.RunAsync(new Mailboxes(), Session, ("Create", "1"), ("NewName", "Sent"));

        Assert.Equal("mailbox Sent already exists", context.Dataset["errorCode"].AsString);
        Assert.False(context.Dataset.ContainsKey("messageCode"));
    }

    [Fact]
    public async Task FilterKeepsOnlyNamesContainingIt()
    {
        var context = await Web.RunAsync(new Mailboxes(), Session, ("Filter", "t"));

        Assert.Equal("t", context.Dataset["filter"].AsString);
        Assert.Equal(["Drafts", "Sent", "Trash"], ((DataArray)context.Dataset["mailboxList"]).Select(e => ((DataDictionary)e)["mailboxName"].AsString));
    }

    [Fact]
    public async Task ShowAllListsUnsubscribedMailboxes()
    {
        await Web.Services.Mailboxes.CreateAsync(Account, "Archive", "", Ct);
        await Web.Services.Preferences.UpdateAsync(Account, new DataDictionary { ["ShowMailboxes"] = "All" }, Ct);
        var session = await Web.OpenSessionAsync((await Web.Store.Accounts.GetAsync(Account.Id, Ct))!);

        var context = await Web.RunAsync(new Mailboxes(), session);

        Assert.Contains("Archive", ((DataArray)context.Dataset["mailboxList"]).Select(e => ((DataDictionary)e)["mailboxName"].AsString));
    }
}
