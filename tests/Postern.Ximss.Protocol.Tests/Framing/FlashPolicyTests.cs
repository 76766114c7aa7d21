using System.Buffers;
using System.Text;
using Postern.Ximss.Protocol.Framing;

namespace Postern.Ximss.Protocol.Tests.Framing;

public class FlashPolicyTests
{
    [Theory]
    [InlineData("<policy-file-request/>", true)]
    [InlineData("<policy-file-request/>\r\n", true)]
    [InlineData("<policy-file-request />", false)]
    [InlineData("<noop id=\"policy-file-request\"/>", false)]
    [InlineData("<policy-file-request/><noop/>", false)]
    public void RecognisesOnlyTheRequestFlashSends(string payload, bool expected)
    {
        Assert.Equal(expected, FlashPolicy.IsRequest(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload))));
    }

    [Fact]
    public void ResponseIsTheAllowAllPolicyEndedByAZeroByte()
    {
        var response = FlashPolicy.Response;

        Assert.Equal(0, response[^1]);
        Assert.Equal(
            "<?xml version=\"1.0\"?><cross-domain-policy><allow-access-from domain=\"*\" to-ports=\"*\"/></cross-domain-policy>",
            Encoding.UTF8.GetString(response[..^1]));
    }
}
