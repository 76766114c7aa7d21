using Microsoft.Extensions.DependencyInjection;
using Postern.Mime;
using Postern.Storage;
using Postern.Testing;
using Postern.WebUser.Components;
using Postern.WebUser.Http;

namespace Postern.WebUser.Tests.Components;

public class ComposeTests : ComponentTestBase
{
    private AccountRecord _bob = null!;

    private WebUserComponent Component => Web.Provider.GetRequiredService<ComponentCatalog>().Find("Compose")!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bob = await Web.CreateAccountAsync("bob", "Bob Builder");
    }

    [Fact]
    public async Task ANewFormHasTheSeedKeys()
    {
        var context = await Web.RunAsync(Component, Session);

        Assert.Equal(["Bcc", "body", "Cc", "charset", "desiredCharset", "From", "mailerWidth", "SaveSent", "Subject", "To"],
            WebUserTestContext.KeysOf(context.Dataset).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal("Alice Liddell <alice@example.com>", context.Dataset["From"].AsString);
        Assert.Equal(("utf-8", "utf-8", "80"), (context.Dataset["charset"].AsString, context.Dataset["desiredCharset"].AsString, context.Dataset["mailerWidth"].AsString));
    }

    [Fact]
    public async Task SendDeliversToTheRecipientAndFilesACopyWithBccInSent()
    {
        var context = await Web.RunAsync(Component, Session,
            ("Filled", "1"), ("To", "Bob <bob@example.com>"), ("Bcc", "alice@example.com"), ("Subject", "Plans"), ("Body", "See you at 5."), ("SaveSent", "1"), ("Send", "1"));

        Assert.Equal(["messageCode", "sent", "sentOrSaved"], WebUserTestContext.KeysOf(context.Dataset).Order(StringComparer.Ordinal));
        Assert.Equal("MessageSent", context.Dataset["messageCode"].AsString);
        var delivered = await OnlyMessageAsync(_bob, "INBOX");
        Assert.Equal("Plans", delivered.Subject);
        Assert.False(delivered.Headers.Contains("Bcc"));
        Assert.Contains("See you at 5.", delivered.Body.GetText());
        var sent = await OnlyMessageAsync(Account, "Sent");
        Assert.Equal("alice@example.com", sent.Headers.GetText("Bcc"));
        Assert.Equal(delivered.MessageId, sent.MessageId);
        Assert.Equal(1, (await Web.Services.Mailboxes.GetAsync(Account, "INBOX", Ct)).MessageCount);
    }

    [Fact]
    public async Task MailSentFromTheBrowserReachesTheRecipientsOpenFoldersAsItArrives()
    {
        // What a XIMSS session of the recipient listens to: the mail services' watch of its open INBOX.
        var notifier = Web.Provider.GetRequiredService<Postern.Mail.Changes.ChangeNotifier>();
        using var stop = new CancellationTokenSource();
        var following = notifier.RunAsync(await Web.Store.Changes.GetLatestSequenceAsync(Ct), stop.Token);
        var bobUser = await Web.Provider.GetRequiredService<Postern.Mail.Access.MailboxAccess>().GetUserAsync(_bob.Id, Ct);
        var inbox = await Web.Services.Mailboxes.GetAsync(_bob, "INBOX", Ct);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = Web.Provider.GetRequiredService<Postern.Mail.Changes.MailNotifications>().Watch(bobUser,
            change => { if (change.MailboxId == inbox.Id) arrived.TrySetResult(); }, _ => { });
        watch.WatchMailbox(inbox.Id);

        await Web.RunAsync(Component, Session, ("Filled", "1"), ("To", "bob@example.com"), ("Subject", "Live"), ("Body", "Now."), ("Send", "1"));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await stop.CancelAsync();
        await following;
        Assert.Equal("Live", (await OnlyMessageAsync(_bob, "INBOX")).Subject);
    }

    [Fact]
    public async Task AnUnknownLocalRecipientRefusesTheWholeMessage()
    {
        var context = await Web.RunAsync(Component, Session,
            ("Filled", "1"), ("To", "bob@example.com, nobody@example.com"), ("Subject", "x"), ("Body", "x"), ("Send", "1"));

        Assert.Contains("nobody@example.com", context.Dataset["errorCode"].AsString);
        Assert.Equal("bob@example.com, nobody@example.com", context.Dataset["To"].AsString);
        Assert.Equal(0, (await Web.Services.Mailboxes.GetAsync(_bob, "INBOX", Ct)).MessageCount);
    }

    [Fact]
    public async Task ARemoteRecipientWaitsInTheOutboundQueueWithTheDsnRequest()
    {
        var context = await Web.RunAsync(Component, Session,
            ("Filled", "1"), ("To", "bob@example.com, someone@elsewhere.example"), ("Subject", "Both"), ("Body", "x"), ("DSN", "1"), ("Send", "1"));

        Assert.Equal("MessageSent", context.Dataset["messageCode"].AsString);
        Assert.Equal(1, (await Web.Services.Mailboxes.GetAsync(_bob, "INBOX", Ct)).MessageCount);
        var queued = Assert.Single(await Web.Store.Outbound.ListAsync(Ct));
        Assert.Contains("someone@elsewhere.example", queued.Recipients);
        Assert.True(queued.RequestDsn);
    }

    [Fact]
    public async Task ReplyQuotesTheOriginalAndSendingMarksItAnswered()
    {
        var uid = await AppendAsync("INBOX", TextMessage("Bob Builder <bob@example.com>", "Question", "Can you come?"));

        var form = await Web.RunAsync(Component, Session, ("Operation", "Reply"), ("OrigMailbox", "INBOX"), ("OrigMessage", uid.ToString()));
        var sent = await Web.RunAsync(Component, Session, ("Operation", "Reply"), ("OrigMailbox", "INBOX"), ("OrigMessage", uid.ToString()), ("Filled", "1"),
            ("To", form.Dataset["To"].AsString!), ("Subject", form.Dataset["Subject"].AsString!), ("Body", "Yes.\r\n" + form.Dataset["body"].AsString), ("Send", "1"));

        Assert.Equal(("Reply", uid.ToString(), "INBOX"), (form.Dataset["operation"].AsString, form.Dataset["origMessage"].AsString, form.Dataset["origMailbox"].AsString));
        Assert.Equal("Re: Question", form.Dataset["Subject"].AsString);
        Assert.Equal("Bob Builder <bob@example.com>", form.Dataset["To"].AsString);
        Assert.Contains("> Can you come?", form.Dataset["body"].AsString);
        Assert.Equal("MessageSent", sent.Dataset["messageCode"].AsString);
        var inbox = await Web.Services.Mailboxes.GetAsync(Account, "INBOX", Ct);
        Assert.True((await Web.Store.Messages.GetAsync(inbox.Id, [uid], Ct))[0].Flags.HasFlag(MessageFlags.Answered));
        Assert.Equal("Re: Question", (await OnlyMessageAsync(_bob, "INBOX")).Subject);
    }

    [Fact]
    public async Task ForwardShowsTheOriginalAndSendsItAsAnAttachment()
    {
        var uid = await AppendFileAsync("INBOX", "multipart-attachment.eml");

        var form = await Web.RunAsync(Component, Session, ("Operation", "Forward"), ("OrigMailbox", "INBOX"), ("OrigMessage", uid.ToString()));
        await Web.RunAsync(Component, Session, ("Operation", "Forward"), ("OrigMailbox", "INBOX"), ("OrigMessage", uid.ToString()), ("Filled", "1"),
            ("To", "bob@example.com"), ("Subject", form.Dataset["Subject"].AsString!), ("Body", "FYI"), ("Send", "1"));

        Assert.Equal("Fwd: The report", form.Dataset["Subject"].AsString);
        Assert.Contains("report.pdf", form.Dataset["forwardedMessage"].AsString);
        var forwarded = await OnlyMessageAsync(_bob, "INBOX");
        var attached = forwarded.EnumerateParts().Single(p => p.Message is not null);
        Assert.Equal("The report", attached.Message!.Subject);
    }

    [Fact]
    public async Task SaveStoresADraftAndEditDraftReplacesIt()
    {
        var saved = await Web.RunAsync(Component, Session, ("Filled", "1"), ("To", "bob@example.com"), ("Subject", "Draft one"), ("Body", "Not done"), ("Save", "1"));
        var drafts = await Web.Services.Mailboxes.GetAsync(Account, "Drafts", Ct);
        var uid = (await Web.Store.Messages.ListAsync(drafts.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries.Single().Uid;

        var edit = await Web.RunAsync(Component, Session, ("Operation", "EditDraft"), ("OrigMailbox", "Drafts"), ("OrigMessage", uid.ToString()));
        await Web.RunAsync(Component, Session, ("Operation", "EditDraft"), ("OrigMailbox", "Drafts"), ("OrigMessage", uid.ToString()), ("Filled", "1"),
            ("To", "bob@example.com"), ("Subject", "Draft two"), ("Body", "Done now"), ("Save", "1"));

        Assert.Equal("MessageSaved", saved.Dataset["messageCode"].AsString);
        Assert.Equal(("Draft one", "bob@example.com"), (edit.Dataset["Subject"].AsString, edit.Dataset["To"].AsString));
        Assert.Contains("Not done", edit.Dataset["body"].AsString);
        var draft = await OnlyMessageAsync(Account, "Drafts");
        Assert.Equal("Draft two", draft.Subject);
    }

    [Fact]
    public async Task TheAddressBookListsTheContacts()
    {
        var uid = await AppendFileAsync("INBOX", "plain.eml");
        await Web.RunAsync(Web.Provider.GetRequiredService<ComponentCatalog>().Find("Message")!, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("TakeAddress", "1"));

        var context = await Web.RunAsync(Component, Session, ("OpenBook", "1"));

        Assert.Equal("Yes", context.Dataset["addressBook"].AsString);
        var contact = (Data.DataDictionary)((Data.DataArray)context.Dataset["contacts"]).Single();
        Assert.Equal(("Ann Example", "ann@example.org"), (contact["name"].AsString, contact["email"].AsString));
    }

    [Fact]
    public async Task UploadedAttachmentsAreSent()
    {
        var parameters = new RequestParameters(
            [new("Filled", "1"), new("To", "bob@example.com"), new("Subject", "File"), new("Body", "Attached."), new("Send", "1")],
            [new UploadedFile("Attachment", "notes.txt", "text/plain", "line one\r\n"u8.ToArray())]);
        await Session.RefreshAsync(Web.Services, Ct);
        var context = new ComponentContext(Session, Web.Services, parameters, Ct);

        await Component.ProcessAsync(context);

        var delivered = await OnlyMessageAsync(_bob, "INBOX");
        var file = delivered.EnumerateParts().Single(p => p.FileName == "notes.txt");
        Assert.Equal("line one\r\n", file.GetText());
    }

    [Fact]
    public async Task RedirectFromTheMailboxResendsUnchangedWithResentFields()
    {
        var uid = await AppendFileAsync("INBOX", "plain.eml");

        var context = await Web.RunAsync(new Mailbox(), Session, ("Mailbox", "INBOX"), ("Msg", uid.ToString()), ("Redirect", "1"), ("RedirectAddresses", "bob@example.com"));

        Assert.Equal("MessagesRedirectedInfo", context.Dataset["messageCode"].AsString);
        var redirected = await OnlyMessageAsync(_bob, "INBOX");
        Assert.Equal("Lunch on Friday?", redirected.Subject);
        Assert.Equal("Alice Liddell <alice@example.com>", redirected.Headers.GetText("Resent-From"));
        var inbox = await Web.Services.Mailboxes.GetAsync(Account, "INBOX", Ct);
        Assert.True((await Web.Store.Messages.GetAsync(inbox.Id, [uid], Ct))[0].Flags.HasFlag(MessageFlags.Redirected));
    }

    private async Task<MimeMessage> OnlyMessageAsync(AccountRecord account, string mailbox)
    {
        var box = await Web.Services.Mailboxes.GetAsync(account, mailbox, Ct);
        var entry = (await Web.Store.Messages.ListAsync(box.Id, MessageSortField.Uid, false, MessageFlagFilter.All, Ct)).Entries.Single();
        await using var content = (await Web.Store.Messages.OpenContentAsync(box.Id, entry.Uid, Ct))!;
        return await MimeMessage.LoadAsync(content, null, Ct);
    }
}
