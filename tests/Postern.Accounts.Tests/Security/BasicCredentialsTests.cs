using System.Text;
using Postern.Accounts.Security;

namespace Postern.Accounts.Tests.Security;

public class BasicCredentialsTests
{
    private static string Header(string text) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void TheUserIdEndsAtTheFirstColonAndThePasswordMayHoldMore()
    {
        Assert.True(BasicCredentials.TryParse(Header("jürgen@example.com:pa:ss wörd"), out var user, out var password));
        Assert.Equal(("jürgen@example.com", "pa:ss wörd"), (user, password));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!not-base64")]
    public void AnythingButBasicBase64IsNoCredentials(string? header) =>
        Assert.False(BasicCredentials.TryParse(header, out _, out _));

    [Fact]
    public void AUserIdIsRequiredAndOversizedHeadersAreIgnored()
    {
        Assert.False(BasicCredentials.TryParse(Header(":password"), out _, out _));
        Assert.False(BasicCredentials.TryParse(Header("no-colon"), out _, out _));
        Assert.False(BasicCredentials.TryParse(Header("user:" + new string('x', 2000)), out _, out _));
    }

    [Fact]
    public void TheChallengeNamesTheRealmWithoutQuotesInside() =>
        Assert.Equal("Basic realm=\"exampl.com\", charset=\"UTF-8\"", BasicCredentials.Challenge("exampl\".com"));
}
