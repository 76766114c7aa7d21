using System.Buffers;
using System.Text;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Tests.Xml;

public class XimssContainerTests
{
    [Fact]
    public void BodyGivesItsRequestsInOrder()
    {
        var container = Parse("<XIMSS><noop id=\"i1\" /><readTime id=\"i2\" /></XIMSS>");

        Assert.Equal(["noop", "readTime"], container.Requests.Select(r => r.Name));
        Assert.Null(container.RequestSequence);
    }

    [Fact]
    public void EmptyContainerHoldsNoRequests()
    {
        Assert.Empty(Parse("<XIMSS/>").Requests);
    }

    [Fact]
    public void ReqSeqOnTheRootIsRead()
    {
        Assert.Equal(7, Parse("<XIMSS reqSeq=\"7\"><noop id=\"1\"/></XIMSS>").RequestSequence);
    }

    [Fact]
    public void RootNameMatchesInAnyCase()
    {
        Assert.Single(Parse("<ximss><noop id=\"1\"/></ximss>").Requests);
    }

    [Theory]
    [InlineData("<noop id=\"1\"/>", 501, "must be one <XIMSS> element")]
    [InlineData("<XIMSS reqSeq=\"x\"/>", 504, "reqSeq")]
    [InlineData("<XIMSS><listFeatures id=\"list\" /><XIMSS>", 501, "Unexpected end of file")]
    public void BadBodiesAreErrors(string body, int errorNumber, string reason)
    {
        Assert.False(XimssContainer.TryParse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), out _, out var error));
        Assert.Equal(errorNumber, error.Number);
        Assert.Contains(reason, error.Text, StringComparison.Ordinal);
    }

    private static XimssContainer Parse(string body)
    {
        Assert.True(XimssContainer.TryParse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), out var container, out var error), error?.Text);
        return container;
    }
}
