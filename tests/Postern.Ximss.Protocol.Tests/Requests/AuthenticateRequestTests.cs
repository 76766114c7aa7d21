using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Sasl;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class AuthenticateRequestTests
{
    [Fact]
    public void LoginWithAMethodIsTheFlashLibrarySaslForm()
    {
        var request = Parse<AuthenticateRequest>("<login method=\"CRAM-MD5\" id=\"login\"/>", authenticated: false);

        Assert.Equal(new AuthenticateRequest("login", SaslMechanism.CramMd5, null, AuthenticateForm.LoginMethod), request);
    }

    [Fact]
    public void AuthenticateIsTheReferenceForm()
    {
        var request = Parse<AuthenticateRequest>("<authenticate id=\"A001\" method=\"login\"/>", authenticated: false);

        Assert.Equal(new AuthenticateRequest("A001", SaslMechanism.Login, null, AuthenticateForm.Authenticate), request);
    }

    [Theory]
    [InlineData("<authenticate id=\"1\" method=\"PLAIN\">AHUAcA==</authenticate>")]
    [InlineData("<authenticate id=\"1\" method=\"PLAIN\" value=\"AHUAcA==\"/>")]
    [InlineData("<login id=\"1\" method=\"PLAIN\" value=\" AHUAcA== \"/>")]
    public void InitialResponseComesFromTheValueAttributeOrTheText(string xml)
    {
        Assert.Equal("AHUAcA==", Parse<AuthenticateRequest>(xml, authenticated: false).InitialResponse);
    }

    [Fact]
    public void InitialResponseNeverAppearsInToString()
    {
        var text = Parse<AuthenticateRequest>("<authenticate id=\"1\" method=\"PLAIN\">AHUAcA==</authenticate>", authenticated: false).ToString();

        Assert.DoesNotContain("AHUAcA==", text, StringComparison.Ordinal);
    }
}
