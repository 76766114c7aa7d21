using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Values;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class FolderBrowseRequestTests
{
    [Fact]
    public void IndexRangeIsInclusive()
    {
        var request = Parse<FolderBrowseRequest>("<folderBrowse id=\"1\" folder=\"INBOX\"><index from=\"0\" till=\"49\"/></folderBrowse>");

        Assert.Equal(new IndexRange(0, 49), request.Indexes);
        Assert.Equal(50, request.Indexes?.Count);
        Assert.Null(request.Uids);
    }

    [Fact]
    public void UidChildrenInAnyCaseAndRangesKeepTheirOrder()
    {
        var request = Parse<FolderBrowseRequest>("<folderBrowse id=\"1\" folder=\"INBOX\"><uid>512</uid><UID from=\"10\" till=\"20\"/><Uid>7</Uid></folderBrowse>");

        Assert.Null(request.Indexes);
        Assert.Equal([new UidRange(512, 512), new UidRange(10, 20), new UidRange(7, 7)], request.Uids!.Ranges.ToArray());
    }

    [Fact]
    public void RangeAtTheLimitIsAccepted()
    {
        Assert.Equal(10_000, Parse<FolderBrowseRequest>("<folderBrowse id=\"1\" folder=\"I\"><index from=\"100\" till=\"10099\"/></folderBrowse>").Indexes?.Count);
    }
}
