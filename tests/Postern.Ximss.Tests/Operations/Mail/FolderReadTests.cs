using System.Xml.Linq;
using Postern.Storage;
using Postern.Testing;
using Postern.Ximss.Engine;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations.Mail;

/// <summary>folderRead in every mode: the message, one part, text, source, and reply and forward drafts.</summary>
public class FolderReadTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;
    private XimssChannel _alice = null!;

    public async Task InitializeAsync()
    {
        _ximss = await XimssHarness.CreateAsync();
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, TestData.Bytes("Mail", "offsite.eml"));
        (_alice, _, _) = await _ximss.SessionAsync();
        await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\"/>");
    }

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    private async Task<XElement> ReadAsync(string attributes)
    {
        var reply = await _ximss.SendAsync(_alice, $"<folderRead id=\"r\" folder=\"F\" UID=\"1\" {attributes}/>");
        Assert.Equal(2, reply.Count);
        Assert.Equal("<response id=\"r\"/>", reply[1]);
        return XElement.Parse(reply[0]);
    }

    [Fact]
    public async Task ReadingGivesTheMessageAsEMailAndMarksItSeen()
    {
        var message = await ReadAsync("");

        Assert.Equal(("folderMessage", "r", "F", "1"), (message.Name.LocalName, (string?)message.Attribute("id"), (string?)message.Attribute("folder"), (string?)message.Attribute("UID")));
        var email = message.Element("EMail")!;
        Assert.Equal("Café menu for the offsite", (string?)email.Element("Subject"));
        Assert.Equal("Carol Singer", (string?)email.Element("From")!.Attribute("realName"));
        var parts = email.Element("MIME")!.Elements("MIME").ToArray();
        Assert.Equal(["01", "02", "03"], parts.Select(p => (string?)p.Attribute("partID")));
        Assert.Contains("crème brûlée", parts[0].Elements("MIME").First().Value, StringComparison.Ordinal);
        Assert.Equal("Offsite Agenda.pdf", (string?)parts[1].Attribute("Disposition-filename"));
        Assert.Equal(MessageFlags.Seen, (await _ximss.MessagesAsync("alice@example.com", "INBOX"))[0].Flags);
    }

    [Fact]
    public async Task APartIsReadAsItsMimeElementWithoutMarkingTheMessageSeen()
    {
        var message = await ReadAsync("partID=\"03\"");

        Assert.Equal("03", (string?)message.Attribute("partID"));
        var part = message.Element("MIME")!;
        Assert.Equal(("message", "rfc822"), ((string?)part.Attribute("type"), (string?)part.Attribute("subtype")));
        Assert.Equal("Venue booking", (string?)part.Element("EMail")!.Element("Subject"));
        Assert.Equal(MessageFlags.None, (await _ximss.MessagesAsync("alice@example.com", "INBOX"))[0].Flags);
    }

    [Fact]
    public async Task TextModeReducesTheBodyToOnePlainTextPart()
    {
        var message = await ReadAsync("mode=\"text\"");

        Assert.Equal("text", (string?)message.Attribute("mode"));
        var body = message.Element("EMail")!.Element("MIME")!;
        Assert.Equal(("text", "plain"), ((string?)body.Attribute("type"), (string?)body.Attribute("subtype")));
        Assert.Empty(body.Elements());
        Assert.Equal("The café serves crème brûlée on Thursday.", body.Value.Trim());
    }

    [Fact]
    public async Task SourceModeGivesTheRawMessageAndTotalSizeLimitCutsIt()
    {
        var whole = await ReadAsync("mode=\"source\"");
        var cut = await ReadAsync("mode=\"source\" totalSizeLimit=\"40\"");
        var limited = await ReadAsync("totalSizeLimit=\"10\"");

        Assert.Equal(TestData.Text("Mail", "offsite.eml").ReplaceLineEndings("\n"), whole.Value.ReplaceLineEndings("\n"));
        Assert.Equal("From: \"Carol Singer\" <carol@example.net>", cut.Value);
        Assert.Equal("The caf", limited.Descendants("MIME").First(m => (string?)m.Attribute("subtype") == "plain").Value[..7]);
    }

    [Theory]
    [InlineData("replyFrom", "Re: Café menu for the offsite", "plain")]
    [InlineData("replyAll", "Re: Café menu for the offsite", "plain")]
    [InlineData("replyFromHTML", "Re: Café menu for the offsite", "html")]
    [InlineData("replyAllHTML", "Re: Café menu for the offsite", "html")]
    public async Task ReplyDraftsAreFromTheUserToTheAuthorWithTheOriginalQuoted(string mode, string subject, string subtype)
    {
        var message = await ReadAsync($"mode=\"{mode}\"");

        var email = message.Element("EMail")!;
        Assert.Equal(mode, (string?)message.Attribute("mode"));
        Assert.Equal(subject, (string?)email.Element("Subject"));
        Assert.Equal("alice@example.com", (string?)email.Element("From"));
        Assert.Equal("carol@example.net", (string?)email.Element("To"));
        Assert.Equal(mode.StartsWith("replyAll", StringComparison.Ordinal), email.Elements("Cc").Any(c => c.Value == "eve@example.com"));
        Assert.Null(email.Element("Date"));
        Assert.Null(email.Element("Message-ID"));
        Assert.Equal("<menu-1@example.net>", (string?)email.Element("In-Reply-To"));
        var body = email.Element("MIME")!;
        Assert.Equal(subtype, (string?)body.Attribute("subtype"));
        Assert.Contains(subtype == "html" ? "<blockquote type=\"cite\">The café serves" : "> The café serves", body.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForwardDraftNamesTheOriginalsAttachmentsSoSendingItBackAttachesThem()
    {
        var message = await ReadAsync("mode=\"forwardHTML\"");

        var email = message.Element("EMail")!;
        Assert.Equal("Fwd: Café menu for the offsite", (string?)email.Element("Subject"));
        var parts = email.Element("MIME")!.Elements("MIME").ToArray();
        Assert.Equal("html", (string?)parts[0].Attribute("subtype"));
        Assert.Equal([("F", "1", "02"), ("F", "1", "03")],
            parts.Skip(1).Select(p => ((string?)p.Attribute("folder"), (string?)p.Attribute("UID"), (string?)p.Attribute("partID"))));

        await _ximss.CreateAccountAsync("bob@example.com");
        email.Add(new XElement("To", "bob@example.com"));
        Assert.Equal(["<response id=\"s\"/>"], await _ximss.SendAsync(_alice, $"<messageSubmit id=\"s\">{email}</messageSubmit>"));
        var sent = Postern.Mime.MimeMessage.Parse(await _ximss.ContentAsync("bob@example.com", "INBOX", 1));
        var attachments = sent.Body.Children.Skip(1).ToArray();
        Assert.Equal("Offsite Agenda.pdf", attachments[0].FileName);
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(attachments[0].DecodeContent().Span), StringComparison.Ordinal);
        Assert.Equal("Venue booking", attachments[1].Message!.Subject);
    }

    [Fact]
    public async Task ReadingRefusesWhatIsNotThere()
    {
        Assert.Equal(["<response id=\"r\" errorText=\"mailbox INBOX has no message 9\" errorNum=\"524\"/>"],
            await _ximss.SendAsync(_alice, "<folderRead id=\"r\" folder=\"F\" UID=\"9\"/>"));
        Assert.Equal(["<response id=\"r\" errorText=\"message 1 has no part 07\" errorNum=\"529\"/>"],
            await _ximss.SendAsync(_alice, "<folderRead id=\"r\" folder=\"F\" UID=\"1\" partID=\"07\"/>"));
        Assert.Equal(["<response id=\"r\" errorText=\"invalid &quot;partID&quot; attribute: a part is read without a mode\" errorNum=\"504\"/>"],
            await _ximss.SendAsync(_alice, "<folderRead id=\"r\" folder=\"F\" UID=\"1\" partID=\"02\" mode=\"source\"/>"));
    }
}
