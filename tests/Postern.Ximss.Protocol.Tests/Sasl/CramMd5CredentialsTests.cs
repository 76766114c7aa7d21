using System.Text;
using Postern.Ximss.Protocol.Sasl;

namespace Postern.Ximss.Protocol.Tests.Sasl;

public class CramMd5CredentialsTests
{
    // RFC 2195 §2 example.
    private const string Challenge = "<1896.697170952@postoffice.reston.mci.net>";

    [Fact]
    public void DigestMatchesTheRfcExample()
    {
        Assert.Equal("b913a602c7eda7a495b4e6e7334d3890", CramMd5Credentials.ComputeDigest("tanstaaftanstaaf", Challenge));
    }

    [Fact]
    public void HttpLoginAuthDataIsBase64OfTheHexDigestOfTheNonce()
    {
        var authData = Convert.ToBase64String(Encoding.ASCII.GetBytes(CramMd5Credentials.ComputeDigest("secret", "2C3E575E5498CE63574D40F18D00C873")));

        Assert.True(CramMd5Credentials.TryFromHttpLogin("tim@example.com", "2C3E575E5498CE63574D40F18D00C873", authData, out var credentials));
        Assert.Equal(new CramMd5Credentials("tim@example.com", "2C3E575E5498CE63574D40F18D00C873", CramMd5Credentials.ComputeDigest("secret", "2C3E575E5498CE63574D40F18D00C873")), credentials);
    }

    [Theory]
    [InlineData("not base64")]
    [InlineData("YWJj")]
    public void BadHttpAuthDataIsRefused(string authData)
    {
        Assert.False(CramMd5Credentials.TryFromHttpLogin("tim", "nonce", authData, out _));
    }
}
