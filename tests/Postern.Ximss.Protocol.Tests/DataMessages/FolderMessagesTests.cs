using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Tests.Support;
using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Tests.DataMessages;

public class FolderMessagesTests
{
    [Fact]
    public void SpecFolderReportExamplesAreWrittenExactly()
    {
        var expected = Transcript.Load("folder-reports.txt").Server;

        var written = new[]
        {
            Written.Text(w => w.WriteFolderReportInit("16", "INBOX-MM-1",
                new FolderStatus(233, 12) { UidValidity = 306169346, UidMin = 1, Rights = "lrswipcda" })),
            Written.Text(w =>
            {
                w.WriteStartFolderReport("A002", "INBOX", MessageReportMode.Browse, 3, 512);
                w.WriteFlagsField(MessageFlags.Flagged | MessageFlags.Seen);
                w.WriteElementString("From", "Admin@hq.example.com");
                w.WriteElementString("Subject", "Shutdown @ 4:45AM");
                w.WriteEndElement();
            }),
            Written.Text(w =>
            {
                w.WriteStartFolderReport(".", "INBOX", MessageReportMode.Added, 1, 976, messages: 233, unseen: 12);
                w.WriteFlagsField(MessageFlags.Recent);
                w.WriteElementString("From", "CGatePro Discussions");
                w.WriteElementString("Subject", "[CGP] Re: Session Timer?");
                w.WriteEndElement();
            }),
            Written.Text(w => w.WriteFolderReportRemoved("A004", "INBOX", 35, 117, 233, 11)),
            Written.Text(w => w.WriteFolderReportNotify("INBOX-MM-1")),
        };

        Assert.Equal(expected, written);
    }

    [Fact]
    public void UpdatedReportWithoutIdIsAsynchronous()
    {
        Assert.Equal(
            "<folderReport folder=\"INBOX\" index=\"0\" UID=\"7\" mode=\"updated\"><FLAGS>Seen,$Work</FLAGS></folderReport>",
            Written.Text(w =>
            {
                w.WriteStartFolderReport(null, "INBOX", MessageReportMode.Updated, 0, 7);
                w.WriteFlagsField(MessageFlags.Seen, ["$Work"]);
                w.WriteEndElement();
            }));
    }

    [Fact]
    public void AddressFieldsCarryTheRealNameOnePerAddress()
    {
        Assert.Equal(
            "<r><E-To realName=\"Ivan\">ivan@example.com</E-To><E-To>bare@example.com</E-To></r>",
            Written.Text(w =>
            {
                w.WriteStartElement("r");
                w.WriteAddressField("E-To", "ivan@example.com", "Ivan");
                w.WriteAddressField("E-To", "bare@example.com", "");
                w.WriteEndElement();
            }));
    }

    [Fact]
    public void TimeFieldsMatchTheSpecExamples()
    {
        var date = new DateTimeOffset(2009, 4, 4, 1, 52, 0, TimeSpan.FromHours(4));
        var internalDate = new DateTimeOffset(2026, 5, 25, 8, 14, 40, TimeSpan.FromHours(3));

        Assert.Equal(
            "<Date localTime=\"20090404T015200\" timeShift=\"14400\">20090403T215200Z</Date>",
            Written.Text(w => w.WriteTimeField("Date", date, includeTimeShift: true)));
        Assert.Equal(
            "<INTERNALDATE localTime=\"20260525T081440\">20260525T051440Z</INTERNALDATE>",
            Written.Text(w => w.WriteTimeField("INTERNALDATE", internalDate, includeTimeShift: false)));
    }

    [Fact]
    public void FolderMessageWrapsPreRenderedEMail()
    {
        Assert.Equal(
            "<folderMessage id=\"A38\" folder=\"INBOX\" UID=\"4422\" partID=\"02-01\" mode=\"replyFrom\"><EMail><Subject>Re: x</Subject></EMail></folderMessage>",
            Written.Text(w => w.WriteFolderMessage("A38", "INBOX", 4422, "02-01", FolderReadMode.ReplyFrom, "<EMail><Subject>Re: x</Subject></EMail>"u8)));
    }

    [Fact]
    public void FolderMessageTakesAnXmlWriterCallback()
    {
        Assert.Equal(
            "<folderMessage id=\"1\" folder=\"INBOX\" UID=\"9\"><EMail><Subject>hi &amp; bye</Subject></EMail></folderMessage>",
            Written.Text(w => w.WriteFolderMessage("1", "INBOX", 9, null, FolderReadMode.Message, x =>
            {
                x.WriteStartElement("EMail");
                x.WriteElementString("Subject", "hi & bye");
                x.WriteEndElement();
            })));
    }

    [Fact]
    public void FolderSearchListsUidsAndSaysWhenThereAreMore()
    {
        Assert.Equal(
            "<folderSearch id=\"1\" folder=\"INBOX\" more=\"yes\"><UID>3</UID><UID>17</UID></folderSearch>",
            Written.Text(w => w.WriteFolderSearch("1", "INBOX", [3, 17], more: true)));
        Assert.Equal(
            "<folderSearch id=\"1\" folder=\"INBOX\"/>",
            Written.Text(w => w.WriteFolderSearch("1", "INBOX", [], more: false)));
    }

    [Fact]
    public void MessageUidNamesTheAppendedMessage()
    {
        Assert.Equal("<messageUID id=\"1\" mailbox=\"Drafts\" UID=\"42\"/>", Written.Text(w => w.WriteMessageUid("1", "Drafts", 42)));
    }
}
