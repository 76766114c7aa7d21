using Postern.Mime.Reports;
using Postern.Mime.Tests.Corpus;

namespace Postern.Mime.Tests.Reports;

public class ReportTests
{
    private static MimePart ReportPart(string file) =>
        MimeMessage.Parse(CorpusFiles.Bytes(file)).EnumerateParts()
            .Single(p => DeliveryStatusReport.IsReportPart(p) || DispositionNotification.IsReportPart(p));

    [Fact]
    public void DeliveryStatusSplitsIntoMessageAndRecipientFields()
    {
        var report = DeliveryStatusReport.Read(ReportPart("messages/delivery-status.txt"));

        Assert.Equal([("Reporting-MTA", "dns; mm1"), ("Arrival-Date", "Mon, 29 Jul 1996 02:12:50 -0700")],
            report.MessageFields.Select(f => (f.Name, f.Value)));
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal(["Final-Recipient", "Action", "Diagnostic-Code"], recipient.Select(f => f.Name));
        Assert.Equal("failed", recipient[1].Value);
    }

    [Fact]
    public void ExtraEmptyLinesBetweenGroupsAreSkipped()
    {
        var report = DeliveryStatusReport.Read(ReportPart("messages/delivery-status-multiple-blank-lines.txt"));

        Assert.Equal("dns;someserver.com", Assert.Single(report.MessageFields).Value);
        Assert.Equal("smtp;550 Requested action not taken", Assert.Single(report.Recipients).Single(f => f.Name == "Diagnostic-Code").Value);
    }

    [Fact]
    public void RecipientFieldsWithoutTheirEmptyLineAreStillSeparated()
    {
        var report = DeliveryStatusReport.Parse("Reporting-MTA: dns; a\nFinal-Recipient: rfc822; x@y\nAction: failed\n"u8.ToArray());

        Assert.Equal("Reporting-MTA", Assert.Single(report.MessageFields).Name);
        Assert.Equal(2, Assert.Single(report.Recipients).Count);
    }

    [Fact]
    public void RecipientGroupsEncodedInBase64AfterTheMessageFieldsAreRecovered()
    {
        var report = DeliveryStatusReport.Read(ReportPart("messages/bounce.txt"));

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("rfc822; netec.test@netecgc.com", recipient.Single(f => f.Name == "Final-Recipient").Value);
        Assert.Equal("5.1.1", recipient.Single(f => f.Name == "Status").Value);
        Assert.StartsWith("smtp; 550 5.1.1 <netec.test@netecgc.com>: Recipient address", recipient.Single(f => f.Name == "Diagnostic-Code").Value);
    }

    [Fact]
    public void DispositionNotificationFieldsAreRead()
    {
        var mdn = DispositionNotification.Read(ReportPart("messages/disposition-notification.txt"));

        Assert.Equal(5, mdn.Fields.Count);
        Assert.Equal("manual-action/MDN-sent-manually; displayed", mdn.Disposition);
        Assert.Equal("rfc822;Joe_Recipient@example.com", mdn.FinalRecipient);
        Assert.Equal("<199509192301.23456@example.org>", mdn.OriginalMessageId);
    }

    [Fact]
    public void EmptyOrJunkReportsGiveNoFields()
    {
        Assert.Empty(DeliveryStatusReport.Parse(ReadOnlyMemory<byte>.Empty).Recipients);
        Assert.Empty(DispositionNotification.Parse("this is not a report"u8.ToArray()).Fields);
    }
}
