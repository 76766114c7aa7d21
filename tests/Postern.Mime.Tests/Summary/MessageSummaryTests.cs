using Postern.Mime.Headers;
using Postern.Mime.Summary;
using static Postern.Mime.Tests.Messages;

namespace Postern.Mime.Tests.Summary;

public class MessageSummaryTests
{
    [Fact]
    public void SummaryCarriesTheFolderViewColumns()
    {
        var message = Load("summary/full.eml");

        var summary = MessageSummary.Create(message);

        Assert.Equal("Ivan Petrov", summary.From[0].Name);
        Assert.Equal(["a@example.com", "b@example.com"], summary.To.Select(m => m.Address));
        Assert.Equal("c@example.com", Assert.Single(summary.Cc).Address);
        Assert.Equal("replies@example.com", Assert.Single(summary.ReplyTo).Address);
        Assert.Equal("Quarterly report: €", summary.Subject);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.FromHours(3)), summary.Date);
        Assert.Equal("msg-3@example.com", summary.MessageId);
        Assert.Equal("msg-2@example.com", summary.InReplyTo);
        Assert.Equal(["msg-1@example.com", "msg-2@example.com"], summary.References);
        Assert.Equal(MessagePriority.High, summary.Priority);
        Assert.Equal("multipart/mixed", summary.ContentType);
        Assert.True(summary.HasAttachments);
        Assert.Equal("#ff0000", summary.Color);
        Assert.Equal("Hello team, the numbers are in. See the attached file.", summary.Preview);
    }

    [Fact]
    public void PreviewComesFromHtmlWhenThereIsNoPlainText()
    {
        var message = Load("summary/html-only.eml");

        var summary = MessageSummary.Create(message, new SummaryOptions { PreviewLength = 30 });

        Assert.Equal("Big news & more: we shipped", summary.Preview);
        Assert.False(summary.HasAttachments);
    }

    [Fact]
    public void HeaderOnlySummaryHasNoPreview()
    {
        var summary = MessageSummary.FromHeaders(HeaderList.Parse(Postern.Testing.TestData.Bytes("summary", "full.eml")));

        Assert.Equal("Quarterly report: €", summary.Subject);
        Assert.Equal("multipart/mixed", summary.ContentType);
        Assert.Equal("", summary.Preview);
        Assert.False(summary.HasAttachments);
    }

    [Theory]
    [InlineData("X-Priority: 1 (Highest)", MessagePriority.High)]
    [InlineData("X-Priority: 5", MessagePriority.Low)]
    [InlineData("X-Priority: 3 (Normal)", MessagePriority.Normal)]
    [InlineData("Importance: low", MessagePriority.Low)]
    [InlineData("Priority: urgent", MessagePriority.High)]
    [InlineData("X-MSMail-Priority: High", MessagePriority.High)]
    [InlineData("Subject: none", MessagePriority.Normal)]
    public void PriorityIsReadFromTheFieldsMailersUse(string field, MessagePriority expected) =>
        Assert.Equal(expected, PriorityReader.Read(HeaderList.Parse(System.Text.Encoding.ASCII.GetBytes(field + "\n\n"))));

    [Theory]
    [InlineData("#abc", "#abc")]
    [InlineData(" red ", "red")]
    [InlineData("#12345g", null)]
    [InlineData("red; background: url(x)", null)]
    [InlineData("javascript:alert(1)", null)]
    public void OnlyValidColoursAreKept(string value, string? expected)
    {
        var summary = MessageSummary.FromHeaders(HeaderList.Parse(System.Text.Encoding.ASCII.GetBytes("X-Color: " + value + "\n\n")));

        Assert.Equal(expected, summary.Color);
    }

    [Theory]
    [InlineData("Content-Type: text/plain\n\nSee the file.\n\nbegin 644 a.txt\n%:&5L;&\\*\n`\nend\n", true)]
    [InlineData("Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nSee:\n=3Dybegin line=3D128 size=3D1 name=3Da.bin\n=2B\n=3Dyend size=3D1\n", true)]
    [InlineData("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nYmVnaW4gNjQ0IGEudHh0CiU6JjVMOyZcKgpgCmVuZAo=\n", true)]
    [InlineData("Content-Type: text/plain\n\nbegin 644 of the story\nOnce upon a time\n=ybegin without a name\n", false)]
    public void FilesEmbeddedInTextCountAsAttachments(string message, bool expected) =>
        Assert.Equal(expected, MessageSummary.Create(FromText(message)).HasAttachments);

    [Fact]
    public void OnlyTheStartOfATextPartIsSearchedForEmbeddedFiles()
    {
        var filler = new string('x', 99) + "\n";
        var early = "Subject: s\n\n" + string.Concat(Enumerable.Repeat(filler, 2000)) + "begin 644 a.txt\n%:&5L;&\\*\n`\nend\n";
        var late = "Subject: s\n\n" + string.Concat(Enumerable.Repeat(filler, 3000)) + "begin 644 a.txt\n%:&5L;&\\*\n`\nend\n";

        Assert.True(MessageSummary.Create(FromText(early)).HasAttachments);
        Assert.False(MessageSummary.Create(FromText(late)).HasAttachments);
        Assert.Single(FromText(late).Body.FindEmbeddedFiles());
    }

    [Fact]
    public void SignaturesAndInlineImagesAreNotAttachments()
    {
        Assert.False(MessageSummary.Create(Load("summary/signed-related.eml")).HasAttachments);
    }
}
