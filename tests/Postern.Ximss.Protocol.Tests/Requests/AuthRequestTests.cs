using Postern.Ximss.Protocol.Requests;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class AuthRequestTests
{
    [Theory]
    [InlineData("<auth id=\"A001\">dXNlcg==</auth>", "dXNlcg==")]
    [InlineData("<auth id=\"login\" value=\"dXNlcg==\"/>", "dXNlcg==")]
    [InlineData("<auth id=\"A001\"/>", "")]
    public void ResponseComesFromTheValueAttributeOrTheText(string xml, string expected)
    {
        Assert.Equal(expected, Parse<AuthRequest>(xml, authenticated: false).Response);
    }

    [Fact]
    public void StarCancelsTheExchange()
    {
        Assert.True(Parse<AuthRequest>("<auth id=\"1\">*</auth>", authenticated: false).IsCancellation);
    }

    [Fact]
    public void ResponseNeverAppearsInToString()
    {
        Assert.DoesNotContain("c2VjcmV0", Parse<AuthRequest>("<auth id=\"1\">c2VjcmV0</auth>", authenticated: false).ToString(), StringComparison.Ordinal);
    }
}
