using Postern.Ximss.Protocol.Requests;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class FolderReadRequestTests
{
    [Theory]
    [InlineData(null, FolderReadMode.Message)]
    [InlineData("text", FolderReadMode.Text)]
    [InlineData("source", FolderReadMode.Source)]
    [InlineData("replyFrom", FolderReadMode.ReplyFrom)]
    [InlineData("replyAll", FolderReadMode.ReplyAll)]
    [InlineData("forward", FolderReadMode.Forward)]
    [InlineData("replyFromHTML", FolderReadMode.ReplyFromHtml)]
    [InlineData("replyAllHTML", FolderReadMode.ReplyAllHtml)]
    [InlineData("forwardHTML", FolderReadMode.ForwardHtml)]
    [InlineData("REPLYALLHTML", FolderReadMode.ReplyAllHtml)]
    public void EveryModeIsRecognised(string? mode, FolderReadMode expected)
    {
        var modeAttribute = mode is null ? "" : $" mode=\"{mode}\"";

        Assert.Equal(expected, Parse<FolderReadRequest>($"<folderRead id=\"1\" folder=\"INBOX\" UID=\"9\"{modeAttribute}/>").Mode);
    }

    [Fact]
    public void ModeNamesRoundTrip()
    {
        foreach (var mode in Enum.GetValues<FolderReadMode>().Where(m => m != FolderReadMode.Message))
            Assert.Equal(mode, Parse<FolderReadRequest>($"<folderRead id=\"1\" folder=\"I\" UID=\"9\" mode=\"{FolderReadModeNames.ToName(mode)}\"/>").Mode);
        Assert.Null(FolderReadModeNames.ToName(FolderReadMode.Message));
    }

    [Fact]
    public void PartAndSizeLimitAreRead()
    {
        var request = Parse<FolderReadRequest>("<folderRead id=\"A38\" folder=\"INBOX\" UID=\"4422\" partID=\"02-01\" totalSizeLimit=\"65536\"/>");

        Assert.Equal(new FolderReadRequest("A38", "INBOX", 4422, FolderReadMode.Message, "02-01", 65536), request);
    }

    [Fact]
    public void MinusOneMeansNoSizeLimit()
    {
        Assert.Null(Parse<FolderReadRequest>("<folderRead id=\"1\" folder=\"I\" UID=\"1\" totalSizeLimit=\"-1\"/>").TotalSizeLimit);
    }
}
