using Postern.Accounts.Preferences;
using Postern.Data;
using Postern.Mime;
using Postern.Storage;
using Postern.Ximss.Engine;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations.Mail;

/// <summary>messageMark, messageRemove, messageCopy, messageMove, messageAppend.</summary>
public class MessageOperationTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;
    private XimssChannel _alice = null!;

    public async Task InitializeAsync()
    {
        _ximss = await XimssHarness.CreateAsync();
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, XimssHarness.Message("a"), XimssHarness.Message("b"), XimssHarness.Message("c"));
        (_alice, _, _) = await _ximss.SessionAsync();
        await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\"/>");
    }

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    private async Task<MessageFlags[]> FlagsAsync(string mailbox = "INBOX") =>
        (await _ximss.MessagesAsync("alice@example.com", mailbox)).Select(m => m.Flags).ToArray();

    [Fact]
    public async Task MarkingSetsFlagsClearsNegationsAndKeepsKeywords()
    {
        await _ximss.SendAsync(_alice, "<messageMark id=\"m\" folder=\"F\" flags=\"Read,Flagged,Junk,Label2,$Work,meetingCreated\"><UID>1</UID><UID>2</UID></messageMark>");
        Assert.Equal(["<response id=\"m\"/>"], await _ximss.SendAsync(_alice, "<messageMark id=\"m\" folder=\"F\" flags=\"Unread,NotJunk,-$Work\"><UID>2</UID></messageMark>"));

        var messages = await _ximss.MessagesAsync("alice@example.com", "INBOX");
        Assert.Equal(MessageFlags.Seen | MessageFlags.Flagged | MessageFlags.Junk | MessageFlags.Label2, messages[0].Flags);
        Assert.Equal(["$Work", "meetingCreated"], messages[0].Keywords);
        Assert.Equal(MessageFlags.Flagged | MessageFlags.Label2, messages[1].Flags);
        Assert.Equal(["meetingCreated"], messages[1].Keywords);
        Assert.Equal(MessageFlags.None, messages[2].Flags);
    }

    [Fact]
    public async Task RemovingFollowsTheDeletePreferenceOrErasesAtOnce()
    {
        Assert.Equal(["<response id=\"r\"/>"], await _ximss.SendAsync(_alice, "<messageRemove id=\"r\" folder=\"F\"><UID>1</UID></messageRemove>"));
        Assert.Equal(["b", "c"], (await _ximss.MessagesAsync("alice@example.com", "INBOX")).Select(Subject));
        Assert.Equal(["a"], (await _ximss.MessagesAsync("alice@example.com", "Trash")).Select(Subject));

        Assert.Equal(["<response id=\"r\"/>"], await _ximss.SendAsync(_alice, "<messageRemove id=\"r\" folder=\"F\" mode=\"Immediately\"><UID>2</UID></messageRemove>"));
        Assert.Equal(["c"], (await _ximss.MessagesAsync("alice@example.com", "INBOX")).Select(Subject));
        Assert.Single(await _ximss.MessagesAsync("alice@example.com", "Trash"));

        await _ximss.Get<PreferencesService>().UpdateAsync(await _ximss.AliceAsync(), new DataDictionary { ["DeleteMethod"] = "Mark" }, CancellationToken.None);
        await _ximss.SendAsync(_alice, "<messageRemove id=\"r\" folder=\"F\"><UID>3</UID></messageRemove>");
        Assert.Equal([MessageFlags.Deleted], await FlagsAsync());
    }

    [Fact]
    public async Task CopyAndMoveReachOtherMailboxesAndCreateThemWithAClass()
    {
        Assert.Equal(["<response id=\"c\"/>"], await _ximss.SendAsync(_alice, "<messageCopy id=\"c\" folder=\"F\" targetMailbox=\"Drafts\"><UID from=\"1\" till=\"2\"/></messageCopy>"));
        Assert.Equal(["<response id=\"m\"/>"], await _ximss.SendAsync(_alice, "<messageMove id=\"m\" folder=\"F\" targetMailbox=\"Archive\" mailboxClass=\"IPF.Note\"><UID>3</UID></messageMove>"));
        Assert.Equal(["<response id=\"c\"/>"], await _ximss.SendAsync(_alice, "<messageCopy id=\"c\" folder=\"F\" mailbox=\"Sent\" doMove=\"yes\"><UID>1</UID></messageCopy>"));

        Assert.Equal(["b"], (await _ximss.MessagesAsync("alice@example.com", "INBOX")).Select(Subject));
        Assert.Equal(["a", "b"], (await _ximss.MessagesAsync("alice@example.com", "Drafts")).Select(Subject));
        Assert.Equal(["c"], (await _ximss.MessagesAsync("alice@example.com", "Archive")).Select(Subject));
        Assert.Equal(["a"], (await _ximss.MessagesAsync("alice@example.com", "Sent")).Select(Subject));
        Assert.Equal(["<response id=\"m\" errorText=\"mailbox Nowhere does not exist\" errorNum=\"520\"/>"],
            await _ximss.SendAsync(_alice, "<messageMove id=\"m\" folder=\"F\" targetMailbox=\"Nowhere\"><UID>2</UID></messageMove>"));
    }

    [Fact]
    public async Task AppendingStoresAnEMailWithFlagsAndDateAndReportsItsUid()
    {
        var reply = await _ximss.SendAsync(_alice, "<messageAppend id=\"a\" targetMailbox=\"Drafts\" flags=\"Draft,Seen,$Todo\" internalDate=\"20240102T030405Z\" report=\"uid\">"
            + "<EMail><From realName=\"Alice\">alice@example.com</From><To>bob@example.org</To><Subject>Draft one</Subject>"
            + "<MIME type=\"text\" subtype=\"plain\">Dear Bob,</MIME></EMail></messageAppend>");

        Assert.Equal(["<messageUID id=\"a\" mailbox=\"Drafts\" UID=\"1\"/>", "<response id=\"a\"/>"], reply);
        var stored = (await _ximss.MessagesAsync("alice@example.com", "Drafts")).Single();
        Assert.Equal(MessageFlags.Draft | MessageFlags.Seen, stored.Flags);
        Assert.Equal(["$Todo"], stored.Keywords);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), stored.InternalDate);
        var message = MimeMessage.Parse(await _ximss.ContentAsync("alice@example.com", "Drafts", 1));
        Assert.Equal("Draft one", message.Subject);
        Assert.Equal("Dear Bob,", message.Body.GetText().TrimEnd());
    }

    [Fact]
    public async Task AppendingRawTextStoresItWithCrlfAndALocalDateInTheUsersZone()
    {
        await _ximss.Get<PreferencesService>().UpdateAsync(await _ximss.AliceAsync(), new DataDictionary { ["TimeZone"] = "+0200" }, CancellationToken.None);

        var reply = await _ximss.SendAsync(_alice, "<messageAppend id=\"a\" mailbox=\"INBOX\" internalDate=\"20240102T030405\">\nSubject: raw\nFrom: x@example.org\n\nline one\nline two\n</messageAppend>");

        Assert.Equal(["<response id=\"a\"/>"], reply);
        var stored = (await _ximss.MessagesAsync("alice@example.com", "INBOX"))[^1];
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 1, 4, 5, TimeSpan.Zero), stored.InternalDate);
        Assert.Equal("Subject: raw\r\nFrom: x@example.org\r\n\r\nline one\r\nline two\r\n", System.Text.Encoding.UTF8.GetString(await _ximss.ContentAsync("alice@example.com", "INBOX", stored.Uid)));
    }

    [Fact]
    public async Task AppendingNeedsTheInsertRightOnAnotherAccountsMailbox()
    {
        await _ximss.CreateAccountAsync("bob@example.com");
        var (bob, _, _) = await _ximss.SessionAsync("bob@example.com");
        await _ximss.SendAsync(bob, "<mailboxAclUpdate id=\"a\" mailbox=\"INBOX\"><aclEntry name=\"alice@example.com\">lr</aclEntry></mailboxAclUpdate>");
        const string append = "<messageAppend id=\"a\" targetMailbox=\"~bob/INBOX\">Subject: x\n\nx</messageAppend>";

        Assert.Equal(["<response id=\"a\" errorText=\"access to mailbox ~bob@example.com/INBOX denied: you may not add messages to it\" errorNum=\"525\"/>"],
            await _ximss.SendAsync(_alice, append));
        await _ximss.SendAsync(bob, "<mailboxAclUpdate id=\"a\" mailbox=\"INBOX\"><aclEntry name=\"alice@example.com\">+i</aclEntry></mailboxAclUpdate>");
        Assert.Equal(["<response id=\"a\"/>"], await _ximss.SendAsync(_alice, append));
        Assert.Single(await _ximss.MessagesAsync("bob@example.com", "INBOX"));
    }

    private static string? Subject(MessageRecord record) => Postern.Mime.Headers.HeaderList.Parse(record.Summary.HeaderBlock).GetText("Subject");
}
