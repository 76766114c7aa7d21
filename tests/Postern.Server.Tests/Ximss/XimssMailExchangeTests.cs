using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Postern.Server.Tests.Ximss;

/// <summary>
/// Mail between two accounts through the running server, over both bindings: a submitted message reaches the
/// other account's open folder as a <c>notify</c>, and its attachments go up and come down as HTTP resources.
/// </summary>
public class XimssMailExchangeTests(XimssServerFixture server) : IClassFixture<XimssServerFixture>, IAsyncLifetime
{
    private const string InboxNotify = "<folderReport folder=\"INBOX-MM-1\" mode=\"notify\"/>";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };

    public async Task InitializeAsync()
    {
        await server.CreateAccountAsync("alice@example.com");
        await server.CreateAccountAsync("bob@example.com");
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("tcp", "tcp")]
    [InlineData("tcp", "http")]
    [InlineData("http", "tcp")]
    [InlineData("http", "http")]
    public async Task ASubmittedMessageReachesTheOtherAccountsOpenFolderWithANotify(string senderBinding, string recipientBinding)
    {
        await using var alice = await XimssMailClient.LoginAsync(server, senderBinding, "alice@example.com");
        await using var bob = await XimssMailClient.LoginAsync(server, recipientBinding, "bob@example.com");
        var subject = $"Lunch over {senderBinding} to {recipientBinding}";
        var open = await bob.RequestAsync("o", "<folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\" sortField=\"INTERNALDATE\" sortOrder=\"desc\"><field>FLAGS</field><field>E-From</field><field>Subject</field></folderOpen>");
        var before = (int)XElement.Parse(open[0]).Attribute("messages")!;

        var submitted = await alice.RequestAsync("s", "<messageSubmit id=\"s\"><EMail><To realName=\"Bob\">bob@example.com</To>"
            + $"<Subject>{subject}</Subject><MIME type=\"text\" subtype=\"plain\">At noon?</MIME></EMail></messageSubmit>");
        Assert.Equal(["<response id=\"s\"/>"], submitted);

        await bob.WaitForAsync(m => m == InboxNotify);
        var sync = await bob.RequestAsync("y", "<folderSync id=\"y\" folder=\"INBOX-MM-1\"/>");
        var added = XElement.Parse(Assert.Single(sync, m => m.Contains("mode=\"added\"", StringComparison.Ordinal)));
        Assert.Equal(("0", before + 1), ((string?)added.Attribute("index"), (int)added.Attribute("messages")!));
        Assert.Equal(("alice@example.com", subject, "Recent"), ((string?)added.Element("E-From"), (string?)added.Element("Subject"), (string?)added.Element("FLAGS")));
        Assert.Equal("<response id=\"y\"/>", sync[^1]);

        var read = await bob.RequestAsync("r", $"<folderRead id=\"r\" folder=\"INBOX-MM-1\" UID=\"{(string?)added.Attribute("UID")}\"/>");
        Assert.Equal("At noon?", XElement.Parse(read[0]).Element("EMail")!.Element("MIME")!.Value.TrimEnd());
        var sent = await alice.RequestAsync("l", "<mailboxList id=\"l\" filter=\"Sent\"/>");
        Assert.NotEqual("0", (string?)XElement.Parse(sent[0]).Attribute("Messages"));
    }

    /// <summary>
    /// Deliveries land at every point of the recipient's cycle (before its poll parks, while it is parked, during
    /// its sync): however they fall, a notify follows every change the recipient has not synced yet, so waiting
    /// for one and syncing always ends with every message in its view. A lost wake-up leaves it waiting.
    /// </summary>
    [Theory]
    [InlineData("http")]
    [InlineData("tcp")]
    public async Task EveryDeliveryRacingThePollAndTheSyncIsAnnouncedUntilTheRecipientHasSyncedIt(string recipientBinding)
    {
        const int Rounds = 40;
        var folder = $"race-{recipientBinding}";
        await using var alice = await XimssMailClient.LoginAsync(server, "tcp", "alice@example.com");
        await using var bob = await XimssMailClient.LoginAsync(server, recipientBinding, "bob@example.com");
        var open = await bob.RequestAsync("o", $"<folderOpen id=\"o\" folder=\"{folder}\" mailbox=\"INBOX\"><field>Subject</field></folderOpen>");
        var inView = (int)XElement.Parse(open[0]).Attribute("messages")!;
        var expected = inView;

        for (var round = 0; round < Rounds; round++)
        {
            var submit = alice.RequestAsync("s", $"<messageSubmit id=\"s\"><EMail><To>bob@example.com</To><Subject>race {round}</Subject>"
                + "<MIME type=\"text\" subtype=\"plain\">Now.</MIME></EMail></messageSubmit>");
            // Every third round syncs while the delivery is on its way; the others go straight to the poll.
            if (round % 3 == 0)
                inView = CountAfter(await bob.RequestAsync("y", $"<folderSync id=\"y\" folder=\"{folder}\"/>"), inView);
            Assert.Equal(["<response id=\"s\"/>"], await submit);
            expected++;
            while (inView < expected)
            {
                await bob.WaitForAsync(m => m == $"<folderReport folder=\"{folder}\" mode=\"notify\"/>");
                inView = CountAfter(await bob.RequestAsync("y", $"<folderSync id=\"y\" folder=\"{folder}\"/>"), inView);
            }
            Assert.Equal(expected, inView);
        }
    }

    /// <summary>The folder's message count after a sync: that of its last report, or unchanged when it reported nothing.</summary>
    private static int CountAfter(List<string> sync, int before) =>
        sync.Count > 1 ? (int)XElement.Parse(sync[^2]).Attribute("messages")! : before;

    [Fact]
    public async Task AnUploadIsAttachedBySubmitAndTheRecipientDownloadsItWithItsTypeAndName()
    {
        await using var alice = await XimssMailClient.LoginAsync(server, "http", "alice@example.com");
        await using var bob = await XimssMailClient.LoginAsync(server, "tcp", "bob@example.com");
        var report = Encoding.ASCII.GetBytes("%PDF-1.4\n%\u00c7\u00ec\n1 0 obj <</Type/Catalog>> endobj\n%%EOF\n").Concat(new byte[] { 0, 1, 2, 255 }).ToArray();
        Assert.Equal(HttpStatusCode.OK, await UploadAsync(alice.SessionId, "u1", "Quarterly Report.pdf", "application/pdf", report));
        Assert.Equal(HttpStatusCode.OK, await UploadAsync(alice.SessionId, "u2", "Übersicht.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("Zahlen für März")));

        var tag = Guid.NewGuid().ToString("N");
        var subject = $"Figures {tag}";
        Assert.Equal(["<response id=\"s\"/>"], await alice.RequestAsync("s", $"<messageSubmit id=\"s\"><EMail><To>bob@example.com</To><Subject>{subject}</Subject>"
            + "<MIME type=\"multipart\" subtype=\"mixed\"><MIME type=\"text\" subtype=\"plain\">Attached.</MIME><MIME uploadID=\"u1\"/><MIME uploadID=\"u2\"/></MIME></EMail></messageSubmit>"));

        await bob.RequestAsync("o", "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\"><field>Subject</field></folderOpen>");
        var search = await bob.RequestAsync("f", $"<folderSearch id=\"f\" folder=\"F\" filter=\"SUBJECT {tag}\"/>");
        var uid = XElement.Parse(search[0]).Elements().Single().Value;
        var email = XElement.Parse((await bob.RequestAsync("r", $"<folderRead id=\"r\" folder=\"F\" UID=\"{uid}\"/>"))[0]).Element("EMail")!;
        var parts = email.Element("MIME")!.Elements("MIME").ToArray();
        Assert.Equal([("02", "Quarterly Report.pdf"), ("03", "Übersicht.txt")], parts.Skip(1).Select(p => ((string?)p.Attribute("partID"), (string?)p.Attribute("Disposition-filename"))));

        using var pdf = await _http.GetAsync($"{server.HttpBase}/Session/{bob.SessionId}/MIME/INBOX/{uid}-02-B/Quarterly%20Report.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline; filename=\"Quarterly Report.pdf\"", pdf.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(report, await pdf.Content.ReadAsByteArrayAsync());

        using var text = await _http.GetAsync($"{server.HttpBase}/Session/{bob.SessionId}/MIME/INBOX/{uid}-03-B/x");
        Assert.Equal(("text/plain", "utf-8"), (text.Content.Headers.ContentType!.MediaType, text.Content.Headers.ContentType.CharSet));
        Assert.Equal("Übersicht.txt", text.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("Zahlen für März", await text.Content.ReadAsStringAsync());

        using var source = await _http.GetAsync($"{server.HttpBase}/Session/{bob.SessionId}/MIME/INBOX/{uid}-P.txt");
        Assert.Equal("text/plain", source.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"Subject: {subject}\r\n", await source.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionResourcesRefuseOtherAccountsMailboxesAndUnknownParts()
    {
        await using var alice = await XimssMailClient.LoginAsync(server, "http", "alice@example.com");
        await using var bob = await XimssMailClient.LoginAsync(server, "tcp", "bob@example.com");
        var bobsInbox = $"{server.HttpBase}/Session/{alice.SessionId}/MIME/~bob%40example.com%2FINBOX/1-P.txt";

        // Without any right the mailbox is hidden, as if it did not exist (RFC 4314 §4); with the lookup right alone, reading is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(bobsInbox)).StatusCode);
        await bob.RequestAsync("a", "<mailboxAclUpdate id=\"a\" mailbox=\"INBOX\"><aclEntry name=\"alice@example.com\">l</aclEntry></mailboxAclUpdate>");
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(bobsInbox)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"{server.HttpBase}/Session/{alice.SessionId}/MIME/INBOX/999-P.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"{server.HttpBase}/Session/{alice.SessionId}/MIME/INBOX/notauid")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"{server.HttpBase}/Session/{alice.SessionId}/UPLOAD/bad%20id")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _http.GetAsync($"{server.HttpBase}/Session/{alice.SessionId}/UPLOAD/u1")).StatusCode);
    }

    /// <summary>Posts a file as a browser's form does (the <c>fileData</c> field).</summary>
    private async Task<HttpStatusCode> UploadAsync(string session, string id, string fileName, string type, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        form.Add(file, "fileData", fileName);
        using var response = await _http.PostAsync($"{server.HttpBase}/Session/{session}/UPLOAD/{id}", form);
        return response.StatusCode;
    }
}
