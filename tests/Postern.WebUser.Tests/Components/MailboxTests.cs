using Microsoft.Extensions.DependencyInjection;
using Postern.Data;
using Postern.Storage;
using Postern.WebUser.Components;

namespace Postern.WebUser.Tests.Components;

public class MailboxTests : ComponentTestBase
{
    private static readonly string[] s_pageKeys =
    [
        "filter", "firstNumber", "firstNumber1", "headers", "lastNumber", "limit", "mailbox", "mailboxPage", "messages",
        "numSelected", "numTotal", "numUnread", "refreshTime", "search", "sortAscending", "sortColumn",
    ];

    private readonly DateTimeOffset _start = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // 25 messages, one a day; every third unread, the fifth flagged.
        for (var i = 1; i <= 25; i++)
        {
            var flags = (i % 3 == 0 ? MessageFlags.None : MessageFlags.Seen) | (i == 5 ? MessageFlags.Flagged : MessageFlags.None);
            await AppendAsync("INBOX", TextMessage($"Sender {i:00} <s{i}@example.org>", $"Subject {(char)('Z' - i)} {i:00}"), flags, _start.AddDays(i));
        }
    }

    [Fact]
    public async Task APageHasTheSeedKeysHeadersAndRowsNewestFirst()
    {
        var context = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"));

        Assert.Equal(s_pageKeys.Append("multiPage").Order(StringComparer.Ordinal), WebUserTestContext.KeysOf(context.Dataset));
        var headers = ((DataArray)context.Dataset["headers"]).Cast<DataDictionary>().ToList();
        Assert.Equal(["Status", "From", "Subject", "Received", "Size"], headers.Select(h => h["name"].AsString));
        Assert.Equal(["hilited", "index", "name", "ralign", "sdir"], WebUserTestContext.KeysOf(headers[3]));
        Assert.Equal("1", headers[3]["sdir"].AsString);
        Assert.Equal("0", headers[1]["sdir"].AsString);

        var messages = ((DataArray)context.Dataset["messages"]).Cast<DataDictionary>().ToList();
        Assert.Equal(20, messages.Count);
        Assert.Equal(["fields", "id"], WebUserTestContext.KeysOf(messages[0]));
        var fields = ((DataArray)messages[0]["fields"]).Cast<DataDictionary>().ToList();
        Assert.Equal(["isStatus", "sdir", "status"], WebUserTestContext.KeysOf(fields[0]));
        Assert.Equal(["isRef", "sdir", "value"], WebUserTestContext.KeysOf(fields[1]));
        Assert.Equal(["hilited", "isDate", "isRef", "ralign", "sdir", "value"], WebUserTestContext.KeysOf(fields[3]));
        Assert.Equal("Sender 25", fields[1]["value"].AsString);
        Assert.IsType<DataTimestamp>(fields[3]["value"]);
        Assert.Equal(("0", "1", "20", "25", "25", "8"),
            (context.Dataset["firstNumber"].AsString, context.Dataset["firstNumber1"].AsString, context.Dataset["lastNumber"].AsString,
             context.Dataset["numTotal"].AsString, context.Dataset["numSelected"].AsString, context.Dataset["numUnread"].AsString));
        Assert.Equal(("3", "0"), (context.Dataset["sortColumn"].AsString, context.Dataset["sortAscending"].AsString));
    }

    [Fact]
    public async Task NextAndPrevMoveByThePageSize()
    {
        var next = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Limit", "10"), ("Next", "1"));
        var again = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Next", "1"));
        var back = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Prev", "1"));

        Assert.Equal(("10", "20"), (next.Dataset["firstNumber"].AsString, next.Dataset["lastNumber"].AsString));
        Assert.Equal(("20", "25"), (again.Dataset["firstNumber"].AsString, again.Dataset["lastNumber"].AsString));
        Assert.Equal("10", back.Dataset["firstNumber"].AsString);
    }

    [Fact]
    public async Task SortByColumnAndDirection()
    {
        var bySubject = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Sort", "2"), ("SDir", "1"));
        var reversed = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("SDir", "-1"));

        Assert.Equal(("2", "1"), (bySubject.Dataset["sortColumn"].AsString, bySubject.Dataset["sortAscending"].AsString));
        Assert.Equal("Subject A 25", FirstValue(bySubject, 2));
        Assert.Equal("Subject Y 01", FirstValue(reversed, 2));
        Assert.Equal("0", reversed.Dataset["sortAscending"].AsString);
    }

    [Fact]
    public async Task FilterAndSearchNarrowTheSelection()
    {
        var unread = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Filter", "Unread"));
        var search = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Filter", ""), ("Search", "sender 1"));

        Assert.Equal("8", unread.Dataset["numSelected"].AsString);
        Assert.All(((DataArray)unread.Dataset["messages"]).Cast<DataDictionary>(), m => Assert.Equal("Unread", Status(m)));
        Assert.Equal("10", search.Dataset["numSelected"].AsString);
        Assert.Equal("sender 1", search.Dataset["search"].AsString);
    }

    [Fact]
    public async Task FlagActionsChangeTheSelectedMessages()
    {
        var uids = (await Web.Store.Messages.ListAsync((await Web.Services.Mailboxes.GetAsync(Account, "INBOX", Ct)).Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries.Take(2).ToArray();

        var context = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Msg", uids[0].Uid.ToString()), ("Msg", uids[1].Uid.ToString()), ("flag", "1"), ("unread", "1"));

        var box = await Web.Services.Mailboxes.GetAsync(Account, "INBOX", Ct);
        var records = await Web.Store.Messages.GetAsync(box.Id, [uids[0].Uid, uids[1].Uid], Ct);
        Assert.All(records, r => Assert.True(r.Flags.HasFlag(MessageFlags.Flagged) && !r.Flags.HasFlag(MessageFlags.Seen)));
        Assert.False(context.Dataset.ContainsKey("errorCode"));
    }

    [Fact]
    public async Task DeleteMovesToTrashAndMoveMovesToTheTargetMailbox()
    {
        var box = await Web.Services.Mailboxes.GetAsync(Account, "INBOX", Ct);
        var all = (await Web.Store.Messages.ListAsync(box.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries;

        await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Msg", all[0].Uid.ToString()), ("Delete", "1"));
        var moved = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Msg", all[1].Uid.ToString()), ("Move", "1"), ("MailboxName", "Drafts"));

        Assert.Equal("MessagesCopiedInfo", moved.Dataset["messageCode"].AsString);
        Assert.Equal("23", moved.Dataset["numTotal"].AsString);
        Assert.Equal(1, (await Web.Services.Mailboxes.GetAsync(Account, "Trash", Ct)).MessageCount);
        Assert.Equal(1, (await Web.Services.Mailboxes.GetAsync(Account, "Drafts", Ct)).MessageCount);
    }

    [Fact]
    public async Task WithTheMarkMethodDeleteSetsTheFlagAndPurgeRemoves()
    {
        await Web.Services.Preferences.UpdateAsync(Account, new DataDictionary { ["DeleteMethod"] = "Mark" }, Ct);
        var session = await Web.OpenSessionAsync((await Web.Store.Accounts.GetAsync(Account.Id, Ct))!);
        var box = await Web.Services.Mailboxes.GetAsync(Account, "INBOX", Ct);
        var first = (await Web.Store.Messages.ListAsync(box.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries[0].Uid;

        var marked = await Web.RunAsync(new Mailbox(), session, ("Mailbox", "INBOX"), ("Msg", first.ToString()), ("delete", "1"), ("Filter", "Deleted"));
        var purged = await Web.RunAsync(new Mailbox(), session, ("Mailbox", "INBOX"), ("Purge", "1"), ("Filter", ""));

        Assert.Equal("1", marked.Dataset["numSelected"].AsString);
        Assert.Equal("24", purged.Dataset["numTotal"].AsString);
    }

    [Fact]
    public async Task NextUnreadAndNextMessageJumpInViewOrder()
    {
        var page = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"));
        var newest = ((DataDictionary)((DataArray)page.Dataset["messages"])[0])["id"].AsString!;
        var second = ((DataDictionary)((DataArray)page.Dataset["messages"])[1])["id"].AsString!;

        var next = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("NextMessage", newest));
        var unread = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("NextUnread", "1"));

        Assert.Equal(["mailbox", "mailboxPage", "messageJump"], WebUserTestContext.KeysOf(next.Dataset));
        Assert.Equal(second, next.Dataset["messageJump"].AsString);
        Assert.Equal(24u.ToString(), unread.Dataset["messageJump"].AsString);
    }

    [Fact]
    public async Task TheSentBoxShowsRecipientsAndIsMarked()
    {
        var context = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "Sent"));

        Assert.Equal("YES", context.Dataset["isSentBox"].AsString);
        Assert.Equal("YES", context.Dataset["sentBox"].AsString);
        Assert.Equal(["Status", "To", "Subject", "Sent", "Size"], ((DataArray)context.Dataset["headers"]).Select(h => ((DataDictionary)h)["name"].AsString));
        Assert.False(context.Dataset.ContainsKey("multiPage"));
        Assert.Equal("1", context.Dataset["lastNumber"].AsString);
    }

    [Fact]
    public async Task AMailboxSharedByAnotherAccountIsReadWithTheRightsItGrants()
    {
        var bob = await Web.CreateAccountAsync("bob");
        var bobInbox = await Web.Services.Mailboxes.GetAsync(bob, "INBOX", Ct);
        await Web.Services.Mailboxes.SetRightsAsync(bobInbox, "alice@example.com", Postern.Mail.Mailboxes.MailboxRights.Lookup | Postern.Mail.Mailboxes.MailboxRights.Read, Ct);
        var uid = (await Web.Provider.GetRequiredService<Postern.Mail.Messages.MessageAppender>().AppendAsync(bobInbox, TextMessage("x@example.org", "For Bob"), MessageFlags.None, [], null, Ct)).Uid;

        var page = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "~bob/INBOX"));
        var delete = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "~bob/INBOX"), ("Msg", uid.ToString()), ("Delete", "1"));

        Assert.Equal("~bob@example.com/INBOX", page.Dataset["mailbox"].AsString);
        Assert.Equal("1", page.Dataset["numSelected"].AsString);
        Assert.Contains("denied", delete.Dataset["errorCode"].AsString);
        Assert.Equal(1, (await Web.Services.Mailboxes.GetAsync(bob, "INBOX", Ct)).MessageCount);
    }

    [Fact]
    public async Task AnUnknownMailboxGivesAnError()
    {
        var context = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "Nope"));

        Assert.Equal(["errorCode", "mailbox"], WebUserTestContext.KeysOf(context.Dataset));
    }

    private static string? FirstValue(ComponentContext context, int column) =>
        ((DataDictionary)((DataArray)((DataDictionary)((DataArray)context.Dataset["messages"])[0])["fields"])[column])["value"].AsString;

    private static string? Status(DataDictionary message) => ((DataDictionary)((DataArray)message["fields"])[0])["status"].AsString;
}
