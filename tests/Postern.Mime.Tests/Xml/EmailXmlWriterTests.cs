using System.Xml.Linq;
using Postern.Mime.Tests.Corpus;
using Postern.Mime.Xml;
using static Postern.Mime.Tests.Messages;

namespace Postern.Mime.Tests.Xml;

public class EmailXmlWriterTests
{
    [Theory]
    [MemberData(nameof(CorpusFiles.MessageTheoryData), MemberType = typeof(CorpusFiles))]
    public void EmailXmlOfEveryCorpusMessageMatchesTheGoldenFile(string file)
    {
        var message = MimeMessage.Parse(CorpusFiles.Bytes(file));

        CorpusFiles.AssertGolden(file + ".xml", EmailXml.Write(message, new EmailXmlOptions { TotalSizeLimit = 2000 }));
    }

    [Fact]
    public void HeadersMapToElementsAsXimssDescribes()
    {
        var email = XElement.Parse(EmailXml.Write(Load("summary/full.eml")));

        var from = email.Element("From")!;
        Assert.Equal("Ivan Petrov", (string?)from.Attribute("realName"));
        Assert.Equal("ivan@example.com", from.Value);
        Assert.Equal(["a@example.com", "b@example.com"], email.Elements("To").Select(e => e.Value));
        Assert.Null(email.Elements("To").First().Attribute("realName"));
        var date = email.Element("Date")!;
        Assert.Equal("20240305T063000Z", date.Value);
        Assert.Equal("20240305T093000", (string?)date.Attribute("localTime"));
        Assert.Equal("10800", (string?)date.Attribute("timeShift"));
        Assert.Equal("Quarterly report: €", email.Element("Subject")!.Value);
        Assert.Equal("<msg-3@example.com>", email.Element("Message-ID")!.Value);
        Assert.Equal("High", email.Element("Pty")!.Value);
        Assert.Equal("#ff0000", email.Element("X-Color")!.Value);
        Assert.Null(email.Element("Content-Type"));
        Assert.Null(email.Element("MIME-Version"));
    }

    [Fact]
    public void MimeTreeCarriesTypesPartIdsParametersAndDecodedText()
    {
        var email = XElement.Parse(EmailXml.Write(Load("summary/full.eml")));

        var root = email.Element("MIME")!;
        Assert.Equal(("multipart", "mixed"), ((string?)root.Attribute("type"), (string?)root.Attribute("subtype")));
        Assert.Null(root.Attribute("partID"));
        var (text, file) = (root.Elements("MIME").First(), root.Elements("MIME").Last());
        Assert.Equal("01", (string?)text.Attribute("partID"));
        Assert.Equal("utf-8", (string?)text.Attribute("charset"));
        // XML parsers turn CRLF into LF (XML 1.0 §2.11).
        Assert.Equal("Hello team,\n\nthe numbers are in. See the attached file.", text.Value);
        Assert.Equal("02", (string?)file.Attribute("partID"));
        Assert.Equal("attachment", (string?)file.Attribute("disposition"));
        Assert.Equal("q1.xls", (string?)file.Attribute("Disposition-filename"));
        Assert.Equal("q1.xls", (string?)file.Attribute("Type-name"));
        Assert.Equal("", file.Value);
    }

    [Fact]
    public void EmbeddedMessagesBecomeNestedEmailWithPartId()
    {
        var email = XElement.Parse(EmailXml.Write(Load("parser/nested.eml")));

        var inner = email.Descendants("EMail").First();
        Assert.Equal("03", (string?)inner.Attribute("partID"));
        Assert.Equal("inner message", inner.Element("Subject")!.Value);
        Assert.Equal(["03-01", "03-02"], inner.Element("MIME")!.Elements("MIME").Select(m => (string?)m.Attribute("partID")));
    }

    [Fact]
    public void ReportsBecomeMimeReport()
    {
        var email = XElement.Parse(EmailXml.Write(MimeMessage.Parse(CorpusFiles.Bytes("messages/delivery-status.txt"))));

        var report = email.Descendants("MIMEReport").Single();
        Assert.Equal("dns; mm1", report.Element("Reporting-MTA")!.Value);
        Assert.Equal("failed", report.Element("recipient")!.Element("Action")!.Value);
    }

    [Fact]
    public void TotalSizeLimitCutsTextAcrossParts()
    {
        var email = XElement.Parse(EmailXml.Write(Load("parser/nested.eml"), new EmailXmlOptions { TotalSizeLimit = 8 }));

        var texts = email.Descendants("MIME").Where(m => (string?)m.Attribute("type") == "text").Select(m => m.Value).ToList();
        Assert.Equal("Hello", texts[0]);
        Assert.Equal("pla", texts[1]);
        Assert.All(texts.Skip(2), t => Assert.Equal("", t));
    }

    [Fact]
    public void HeaderSelectionAndTimeZoneAreHonoured()
    {
        var options = new EmailXmlOptions
        {
            Headers = new HashSet<string>(["subject", "Date"]),
            TimeZone = TimeZoneInfo.CreateCustomTimeZone("plus4", TimeSpan.FromHours(4), "plus4", "plus4"),
        };

        var email = XElement.Parse(EmailXml.Write(Load("summary/full.eml"), options));

        Assert.Equal(["Subject", "Date", "MIME"], email.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("20240305T103000", (string?)email.Element("Date")!.Attribute("localTime"));
        Assert.Equal("14400", (string?)email.Element("Date")!.Attribute("timeShift"));
    }

    [Fact]
    public void ContentWriterHookReplacesTextForStructuredParts()
    {
        var message = FromText("Content-Type: text/calendar\n\nBEGIN:VCALENDAR\nEND:VCALENDAR\n");
        var options = new EmailXmlOptions
        {
            ContentWriter = (part, writer) =>
            {
                writer.WriteElementString("iCalendar", part.ContentType.MimeType);
                return true;
            },
        };

        var email = XElement.Parse(EmailXml.Write(message, options));

        Assert.Equal("text/calendar", email.Element("MIME")!.Element("iCalendar")!.Value);
    }

    [Fact]
    public void ControlCharactersAndBadFieldNamesDoNotBreakTheXml()
    {
        var message = FromText("Subject: bell\u0007 here\n1Bad: x\nContent-Type: text/plain\n\nnul\u0000 byte\n");

        var email = XElement.Parse(EmailXml.Write(message));

        Assert.Equal("bell here", email.Element("Subject")!.Value);
        Assert.Equal("nul byte\n", email.Element("MIME")!.Value);
    }
}
