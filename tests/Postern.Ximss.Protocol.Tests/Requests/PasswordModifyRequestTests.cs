using Postern.Ximss.Protocol.Requests;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class PasswordModifyRequestTests
{
    [Fact]
    public void CarriesBothPasswordsAndTheRecoveryAddress()
    {
        var request = Parse<PasswordModifyRequest>("<passwordModify id=\"2\" oldPassword=\"old\" newPassword=\"new\" recoveryEmail=\"me@example.net\"/>");

        Assert.Equal(new PasswordModifyRequest("2", "old", "new", "me@example.net"), request);
    }

    [Fact]
    public void PasswordsNeverAppearInToString()
    {
        var text = Parse<PasswordModifyRequest>("<passwordModify id=\"2\" oldPassword=\"old-secret\" newPassword=\"new-secret\"/>").ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }
}
