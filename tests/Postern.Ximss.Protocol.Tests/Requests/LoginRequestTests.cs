using Postern.Ximss.Protocol.Requests;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class LoginRequestTests
{
    [Fact]
    public void PlainLoginCarriesAccountAndPassword()
    {
        var request = Parse<LoginRequest>("<login id=\"A001\" authData=\"user@example.com\" password=\"secret\"/>", authenticated: false);

        Assert.Equal(new LoginRequest("A001", "user@example.com", "secret"), request);
    }

    [Fact]
    public void UserNameIsAcceptedForAuthData()
    {
        Assert.Equal("u@x", Parse<LoginRequest>("<login id=\"1\" userName=\"u@x\" password=\"p\"/>", authenticated: false).AuthData);
    }

    [Fact]
    public void PasswordNeverAppearsInToString()
    {
        var text = Parse<LoginRequest>("<login id=\"1\" authData=\"u\" password=\"hunter2\"/>", authenticated: false).ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("AuthData = u", text, StringComparison.Ordinal);
    }
}
