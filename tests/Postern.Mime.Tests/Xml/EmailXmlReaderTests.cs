using System.Text;
using System.Xml.Linq;
using Postern.Mime.Addresses;
using Postern.Mime.Writing;
using Postern.Mime.Xml;

namespace Postern.Mime.Tests.Xml;

public class EmailXmlReaderTests
{
    private static MimeMessage Submit(string xml, EmailXmlReaderOptions? options = null) =>
        MimeMessage.Parse(EmailXmlReader.ReadMessageBytes(XElement.Parse(xml), options));

    [Fact]
    public void ClientSubmissionBecomesAMessage()
    {
        var message = Submit("""
            <EMail>
              <From realName="Vasily Petrov">vpetr@example.com</From>
              <To realName="HTML Development">html-dev@example.com</To>
              <To>second@example.com</To>
              <Subject>Re: question</Subject>
              <X-Mailer>Test client</X-Mailer>
              <Pty>High</Pty>
              <MIME type="text" subtype="plain" Type-format="flowed">Thanks!</MIME>
            </EMail>
            """);

        Assert.Equal("Vasily Petrov", message.From.Mailboxes[0].Name);
        Assert.Equal(["html-dev@example.com", "second@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Re: question", message.Subject);
        Assert.Equal("Test client", message.Headers.GetText("X-Mailer"));
        Assert.Equal("1 (Highest)", message.Headers.GetText("X-Priority"));
        Assert.Equal("flowed", message.Body.ContentType.Parameters["format"]);
        Assert.Equal("Thanks!", message.Body.GetText());
        Assert.NotNull(message.MessageId);
        Assert.NotNull(message.Date);
    }

    [Fact]
    public void MultipartsStoredAttachmentsAndEmbeddedMessagesAreBuilt()
    {
        var options = new EmailXmlReaderOptions
        {
            ResolveStoredFile = path => path == "docs/report.pdf" ? new StoredFile("%PDF"u8.ToArray()) : null,
        };

        var message = Submit("""
            <EMail>
              <From>a@example.com</From>
              <MIME type="multipart" subtype="mixed">
                <MIME type="text" subtype="plain">see attached</MIME>
                <MIME type="attachment" fileName="docs/report.pdf" Disposition-filename="Q1 report.pdf"/>
                <MIME type="message" subtype="rfc822">
                  <EMail><Subject>forwarded</Subject><MIME type="text" subtype="plain">old text</MIME></EMail>
                </MIME>
                <MIME type="image" subtype="png" contentID="logo" disposition="inline">iVBORw0KGgo=</MIME>
              </MIME>
            </EMail>
            """, options);

        var file = message.FindPart("02")!;
        Assert.Equal("application/pdf", file.ContentType.MimeType);
        Assert.Equal("Q1 report.pdf", file.FileName);
        Assert.Equal("%PDF"u8.ToArray(), file.DecodeContent().ToArray());
        Assert.Equal("forwarded", message.FindPart("03")!.Message!.Subject);
        Assert.Equal("logo", message.FindPart("04")!.ContentId);
        Assert.Equal(Convert.FromBase64String("iVBORw0KGgo="), message.FindPart("04")!.DecodeContent().ToArray());
    }

    [Fact]
    public void DatesInXimssAndRfc5322FormsAreAccepted()
    {
        Assert.Equal(new DateTimeOffset(2009, 4, 3, 21, 52, 0, TimeSpan.Zero),
            Submit("<EMail><Date>20090403T215200Z</Date></EMail>").Date);
        Assert.Equal(new DateTimeOffset(2009, 4, 4, 1, 52, 0, TimeSpan.FromHours(4)),
            Submit("<EMail><Date>20090404T015200</Date></EMail>", new EmailXmlReaderOptions { LocalOffset = TimeSpan.FromHours(4) }).Date);
        Assert.Equal(new DateTimeOffset(2003, 7, 1, 10, 52, 37, TimeSpan.FromHours(2)),
            Submit("<EMail><Date>Tue, 1 Jul 2003 10:52:37 +0200</Date></EMail>").Date);
    }

    [Theory]
    [InlineData("<EMail><To>not an address at all</To></EMail>", "To 'not an address at all' is not one e-mail address.")]
    [InlineData("<EMail><Date>yesterday</Date></EMail>", "Date 'yesterday' is neither yyyyMMddTHHmmss[Z] nor an RFC 5322 date.")]
    [InlineData("<EMail><Pty>Urgent</Pty></EMail>", "Pty must be High or Low, not 'Urgent'.")]
    [InlineData("<EMail><MIME type=\"attachment\" fileName=\"x\"/></EMail>", "Attachments from File Storage are not available here.")]
    [InlineData("<EMail><MIME type=\"image\" subtype=\"png\">!!!</MIME></EMail>", "The content of the image/png MIME part is not base64.")]
    [InlineData("<EMail><MIME/><MIME/></EMail>", "An EMail element has one MIME body; found 2.")]
    [InlineData("<Message/>", "Expected an EMail element, found Message.")]
    public void InvalidSubmissionsAreRefusedWithAPreciseReason(string xml, string error)
    {
        var e = Assert.Throws<EmailXmlException>(() => EmailXmlReader.Read(XElement.Parse(xml)));

        Assert.Equal(error, e.Message);
    }

    [Fact]
    public void ReferencesAreResolvedByTheCallerAndTakeTheElementsAttributes()
    {
        var options = new EmailXmlReaderOptions
        {
            ResolveReference = mime => (string?)mime.Attribute("uploadID") == "u1" ? new ComposedBinary("PNG"u8.ToArray(), "image", "png") : null,
        };

        var message = EmailXmlReader.Read(XElement.Parse("""
            <EMail><MIME type="multipart" subtype="mixed">
              <MIME type="text" subtype="plain">hi</MIME>
              <MIME uploadID="u1" Disposition-filename="photo.png" disposition="attachment" description="a photo"/>
            </MIME></EMail>
            """), options);

        var parts = Assert.IsType<ComposedMultipart>(message.Body).Parts;
        var photo = Assert.IsType<ComposedBinary>(parts[1]);
        Assert.Equal(("image", "png", "photo.png", "attachment", "a photo"), (photo.Type, photo.Subtype, photo.FileName, photo.Disposition, photo.Description));
        Assert.Equal("PNG"u8.ToArray(), photo.Content.ToArray());
        Assert.Equal("hi", Assert.IsType<ComposedText>(parts[0]).Text);
    }

    [Fact]
    public void MissingStoredFileIsReported()
    {
        var options = new EmailXmlReaderOptions { ResolveStoredFile = _ => null };

        var e = Assert.Throws<EmailXmlException>(() => EmailXmlReader.Read(XElement.Parse("<EMail><MIME type=\"attachment\" fileName=\"gone.txt\"/></EMail>"), options));

        Assert.Equal("File 'gone.txt' is not found.", e.Message);
    }

    [Fact]
    public void TooDeepNestingIsRefused()
    {
        var xml = new StringBuilder("<EMail>");
        for (var i = 0; i < 20; i++)
        {
            xml.Append("<MIME type=\"multipart\" subtype=\"mixed\">");
        }

        xml.Append(string.Concat(Enumerable.Repeat("</MIME>", 20))).Append("</EMail>");

        Assert.Throws<EmailXmlException>(() => EmailXmlReader.Read(XElement.Parse(xml.ToString()),
            new EmailXmlReaderOptions { Limits = new MimeLimits { MaxDepth = 10 } }));
    }

    [Fact]
    public void WrittenXmlReadsBackIntoTheSameMessage()
    {
        var original = new ComposedMessage { Subject = "Grüße, мир", Date = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)), MessageId = "x@y" };
        original.From.Add(new MailboxAddress("Иван", "ivan@example.com"));
        original.To.Add(new MailboxAddress(null, "a@example.com"));
        original.Body = BodyBuilder.Build("plain text ü", "<p>html</p>");
        var parsed = MimeMessage.Parse(MessageWriter.Write(original));

        var again = MimeMessage.Parse(EmailXmlReader.ReadMessageBytes(XElement.Parse(EmailXml.Write(parsed))));

        Assert.Equal(parsed.Subject, again.Subject);
        Assert.Equal(parsed.Date, again.Date);
        Assert.Equal(parsed.MessageId, again.MessageId);
        Assert.Equal("Иван", again.From.Mailboxes[0].Name);
        Assert.Equal("plain text ü", again.FindTextBody("plain")!.GetText());
        Assert.Equal("<p>html</p>", again.FindTextBody("html")!.GetText());
    }
}
