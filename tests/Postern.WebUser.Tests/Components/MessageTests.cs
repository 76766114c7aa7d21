using Microsoft.Extensions.DependencyInjection;
using Postern.Data;
using Postern.Storage;
using Postern.WebUser.Components;

namespace Postern.WebUser.Tests.Components;

public class MessageTests : ComponentTestBase
{
    private Message Component => (Message)Web.Provider.GetRequiredService<ComponentCatalog>().Find("Message")!;

    [Fact]
    public async Task AMessageHasTheSeedKeysAndIsMarkedRead()
    {
        var uid = await AppendFileAsync("INBOX", "plain.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()));

        Assert.Equal(["MSG", "mailbox", "messageBody", "status"], WebUserTestContext.KeysOf(context.Dataset));
        Assert.Equal("Read", context.Dataset["status"].AsString);
        var body = context.Dataset["messageBody"].AsString!;
        Assert.Contains("Lunch on Friday?", body);
        Assert.Contains("Shall we meet at the café at noon?", body);
        Assert.Contains("Ann Example &lt;ann@example.org&gt;", body);
    }

    [Fact]
    public async Task NeighboursInTheViewAreNextAndPrev()
    {
        var first = await AppendFileAsync("INBOX", "plain.eml");
        var second = await AppendFileAsync("INBOX", "plain.eml");
        var third = await AppendFileAsync("INBOX", "plain.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", second.ToString()));

        // Newest first: the next message down the list is the older one.
        Assert.Equal(first.ToString(), context.Dataset["nextMsg"].AsString);
        Assert.Equal(third.ToString(), context.Dataset["prevMsg"].AsString);
    }

    [Fact]
    public async Task AttachmentsSetHasFilesAndRenderAsLinksAndImages()
    {
        var uid = await AppendFileAsync("INBOX", "multipart-attachment.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()));

        Assert.Equal("YES", context.Dataset["hasFiles"].AsString);
        var body = context.Dataset["messageBody"].AsString!;
        Assert.Contains($"/Session/{Session.Id}/MIME/{uid}/02/report.pdf?Mailbox=INBOX&amp;Download=1", body);
        Assert.Contains($"<img src=\"/Session/{Session.Id}/MIME/{uid}/03/logo.png?Mailbox=INBOX\"", body);
        Assert.DoesNotContain("../", body);
    }

    [Fact]
    public async Task FlagsAndCopyActOnTheMessage()
    {
        var uid = await AppendFileAsync("INBOX", "plain.eml");

        var flagged = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("flag", "1"));
        var copied = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("Copy", "1"), ("MailboxName", "Drafts"));

        Assert.Equal("Yes", flagged.Dataset["flagged"].AsString);
        Assert.Equal("MessageCopied", copied.Dataset["messageCode"].AsString);
        Assert.Equal(1, (await Web.Services.Mailboxes.GetAsync(Account, "Drafts", Ct)).MessageCount);
    }

    [Fact]
    public async Task MovingTheMessageAwayAnswersBackToMailbox()
    {
        var uid = await AppendFileAsync("INBOX", "plain.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("Move", "1"), ("MailboxName", "Drafts"));

        Assert.Equal(["backToMailbox", "mailbox", "messageCode"], WebUserTestContext.KeysOf(context.Dataset));
    }

    [Fact]
    public async Task TakeAddressAddsTheSenderToTheContactsMailbox()
    {
        var uid = await AppendFileAsync("INBOX", "plain.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("TakeAddress", "1"));

        Assert.Equal("AddressTaken", context.Dataset["messageCode"].AsString);
        var contacts = await Web.Services.Mailboxes.GetAsync(Account, "Contacts", Ct);
        Assert.Equal(("IPF.Contact", 1), (contacts.Class, contacts.MessageCount));
    }

    [Fact]
    public async Task AMissingMessageGivesAnError()
    {
        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", "999"));

        Assert.Equal(["errorCode", "mailbox"], WebUserTestContext.KeysOf(context.Dataset));
    }

    [Fact]
    public async Task AnUnreadDraftShowsDraftStatus()
    {
        var uid = await AppendAsync("Drafts", TextMessage("alice@example.com", "Draft"), MessageFlags.Draft);

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "Drafts"), ("MSG", uid.ToString()));

        Assert.Equal(("Draft", "Yes"), (context.Dataset["status"].AsString, context.Dataset["isDraft"].AsString));
    }
}
