using Postern.Mail.Submission;
using Postern.Mime;
using Postern.Storage;
using Postern.Testing;
using Postern.Ximss.Engine;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations.Mail;

/// <summary>messageSubmit, messageRedirect and messageForward: local delivery, the outbound queue, the Sent copy, attachments.</summary>
public class MessageSubmitTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;
    private XimssChannel _alice = null!;

    public async Task InitializeAsync()
    {
        _ximss = await XimssHarness.CreateAsync();
        await _ximss.CreateAccountAsync("bob@example.com", "Bob");
        await _ximss.CreateAccountAsync("carol@example.com");
        (_alice, _, _) = await _ximss.SessionAsync();
    }

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    private async Task<MimeMessage> ReceivedAsync(string account, uint uid = 1) =>
        MimeMessage.Parse(await _ximss.ContentAsync(account, "INBOX", uid));

    [Fact]
    public async Task ASubmittedMessageReachesLocalRecipientsQueuesRemoteOnesAndIsKeptInSent()
    {
        var (bob, bobSink, _) = await _ximss.SessionAsync("bob@example.com");
        await _ximss.SendAsync(bob, "<folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\"><field>Subject</field></folderOpen>");

        var reply = await _ximss.SendAsync(_alice, "<messageSubmit id=\"s\"><EMail>"
            + "<To realName=\"Bob\">bob@example.com</To><Cc>dave@remote.example</Cc><Bcc>carol@example.com</Bcc>"
            + "<Subject>Lunch?</Subject><MIME type=\"text\" subtype=\"plain\">At noon.</MIME></EMail></messageSubmit>");

        Assert.Equal(["<response id=\"s\"/>"], reply);
        await bobSink.WaitForAsync(m => m == "<folderReport folder=\"INBOX-MM-1\" mode=\"notify\"/>");
        var synced = await _ximss.SendAsync(bob, "<folderSync id=\"y\" folder=\"INBOX-MM-1\"/>");
        Assert.Contains("<Subject>Lunch?</Subject>", synced[0], StringComparison.Ordinal);

        var toBob = await ReceivedAsync("bob@example.com");
        var toCarol = await ReceivedAsync("carol@example.com");
        Assert.Equal("alice@example.com", toBob.From.Mailboxes.Single().Address);
        Assert.Equal("Alice Example", toBob.From.Mailboxes.Single().Name);
        Assert.NotNull(toBob.MessageId);
        Assert.NotNull(toBob.Date);
        Assert.False(toBob.Headers.Contains("Bcc"));
        Assert.False(toCarol.Headers.Contains("Bcc"));
        Assert.Equal("At noon.", toCarol.Body.GetText().TrimEnd());

        var queued = Assert.Single(await _ximss.Store.Outbound.ListAsync(CancellationToken.None));
        Assert.Equal(["dave@remote.example"], queued.Recipients);
        Assert.Equal(MessageSubmission.HeldStatus, queued.Status);

        var sent = Assert.Single(await _ximss.MessagesAsync("alice@example.com", "Sent"));
        Assert.Equal(MessageFlags.Seen, sent.Flags);
        Assert.Contains("carol@example.com", MimeMessage.Parse(await _ximss.ContentAsync("alice@example.com", "Sent", sent.Uid)).Headers.GetText("Bcc"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachmentsComeFromUploadsAndFromStoredParts()
    {
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, TestData.Bytes("Mail", "offsite.eml"));
        await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\"/>");
        var upload = await SessionResources.UploadAsync(_ximss, _alice.Session!, "u1", "notes.txt", "text/plain", "plain notes"u8.ToArray());
        Assert.Equal(200, upload.StatusCode);

        var reply = await _ximss.SendAsync(_alice, "<messageSubmit id=\"s\"><EMail><To>bob@example.com</To><Subject>Files</Subject>"
            + "<MIME type=\"multipart\" subtype=\"mixed\"><MIME type=\"text\" subtype=\"plain\">See both.</MIME>"
            + "<MIME uploadID=\"u1\"/><MIME folder=\"F\" UID=\"1\" partID=\"02\" Disposition-filename=\"agenda.pdf\"/><MIME mailbox=\"INBOX\" UID=\"1\"/></MIME></EMail></messageSubmit>");

        Assert.Equal(["<response id=\"s\"/>"], reply);
        var parts = (await ReceivedAsync("bob@example.com")).Body.Children;
        Assert.Equal(("notes.txt", "text/plain", "plain notes"), (parts[1].FileName, parts[1].ContentType.MimeType, parts[1].GetText()));
        Assert.Equal(("agenda.pdf", "application/pdf"), (parts[2].FileName, parts[2].ContentType.MimeType));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(parts[2].DecodeContent().Span), StringComparison.Ordinal);
        Assert.Equal("Café menu for the offsite", parts[3].Message!.Subject);
    }

    [Theory]
    [InlineData("<To>bob@example.com</To><From>mallory@example.com</From>", "531", "invalid address: you may not send as mallory@example.com")]
    [InlineData("<To>nobody@example.com</To>", "531", "unknown recipient: nobody@example.com")]
    [InlineData("<Subject>to no one</Subject>", "530", "no recipients specified")]
    [InlineData("<To>not an address</To>", "533", "illegal message data format: To 'not an address' is not one e-mail address.")]
    [InlineData("<To>bob@example.com</To><MIME type=\"attachment\" fileName=\"docs/a.pdf\"/>", "533", "illegal message data format: Attachments from File Storage are not available here.")]
    [InlineData("<To>bob@example.com</To><MIME uploadID=\"missing\"/>", "533", "illegal message data format: Upload 'missing' is not found.")]
    [InlineData("<To>bob@example.com</To><MIME folder=\"Nope\" UID=\"1\"/>", "533", "illegal message data format: Folder 'Nope' has not been opened.")]
    [InlineData("<To>bob@example.com</To><MIME mailbox=\"INBOX\" UID=\"77\"/>", "524", "mailbox INBOX has no message 77")]
    [InlineData("<To>bob@example.com</To><Pty>Urgent</Pty>", "533", "illegal message data format: Pty must be High or Low, not 'Urgent'.")]
    public async Task BadSubmissionsAreRefusedAndNothingIsSent(string email, string number, string text)
    {
        var reply = await _ximss.SendAsync(_alice, $"<messageSubmit id=\"s\"><EMail>{email}</EMail></messageSubmit>");

        Assert.Equal([$"<response id=\"s\" errorText=\"{System.Security.SecurityElement.Escape(text).Replace("&apos;", "'")}\" errorNum=\"{number}\"/>"], reply);
        Assert.Empty(await _ximss.MessagesAsync("bob@example.com", "INBOX"));
        Assert.Empty(await _ximss.MessagesAsync("alice@example.com", "Sent"));
    }

    [Fact]
    public async Task RedirectResendsUnchangedAndForwardAttachesTheOriginal()
    {
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, XimssHarness.Message("Original", body: "the text"));
        await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\"/>");

        Assert.Equal(["<response id=\"r\"/>"], await _ximss.SendAsync(_alice, "<messageRedirect id=\"r\" folder=\"F\"><UID>1</UID><To>bob@example.com</To></messageRedirect>"));
        Assert.Equal(["<response id=\"f\"/>"], await _ximss.SendAsync(_alice, "<messageForward id=\"f\" folder=\"F\"><UID>1</UID><To>carol@example.com</To></messageForward>"));

        var redirected = await ReceivedAsync("bob@example.com");
        Assert.Equal("Original", redirected.Subject);
        Assert.Equal("alice@example.com", redirected.Headers.GetAddresses("Resent-From").Mailboxes.Single().Address);
        var forwarded = await ReceivedAsync("carol@example.com");
        Assert.Equal("Fwd: Original", forwarded.Subject);
        Assert.Equal("Original", forwarded.Body.Children.Single(p => p.Message is not null).Message!.Subject);
        Assert.Equal(MessageFlags.Redirected, (await _ximss.MessagesAsync("alice@example.com", "INBOX")).Single().Flags);
        Assert.Equal(["<response id=\"r\" errorText=\"unknown recipient: ghost@example.com\" errorNum=\"531\"/>"],
            await _ximss.SendAsync(_alice, "<messageRedirect id=\"r\" folder=\"F\"><UID>1</UID><To>ghost@example.com</To></messageRedirect>"));
    }
}
