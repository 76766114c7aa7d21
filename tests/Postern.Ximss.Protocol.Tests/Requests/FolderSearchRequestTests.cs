using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Values;
using Postern.Ximss.Protocol.Values.Search;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class FolderSearchRequestTests
{
    [Fact]
    public void FilterLimitAndTimeoutAreRead()
    {
        var request = Parse<FolderSearchRequest>("<folderSearch id=\"1\" folder=\"INBOX\" filter=\"UNSEEN SUBJECT report\" limit=\"100\" timeout=\"10\"/>");

        Assert.Equal(
            new SearchKey.And([new SearchKey.HasFlag(MessageFlags.Seen, false), new SearchKey.HeaderContains("Subject", "report")]),
            request.Criteria);
        Assert.Equal(100, request.Limit);
        Assert.Equal(TimeSpan.FromSeconds(10), request.Timeout);
    }

    [Fact]
    public void JavaClientsAllFilterParses()
    {
        var request = Parse<FolderSearchRequest>("<folderSearch id=\"1\" folder=\"INBOX\" filter=\"ALL\"/>");

        Assert.IsType<SearchKey.All>(request.Criteria);
        Assert.Null(request.Limit);
        Assert.Null(request.Timeout);
    }
}
