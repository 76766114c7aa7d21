using Postern.Accounts.Security;
using Postern.Data;

namespace Postern.Accounts.Tests.Security;

public class SelfSignupTests : AccountsContext
{
    [Theory]
    [InlineData("alice@home.example", true)]
    [InlineData("not-an-address", false)]
    [InlineData("@home.example", false)]
    [InlineData("alice@", false)]
    [InlineData("a b@home.example", false)]
    [InlineData("a@x.example, b@y.example", false)]
    [InlineData("a@home.example\r\nBcc: x@y", false)]
    public void ARecoveryAddressIsOneMailbox(string address, bool valid) => Assert.Equal(valid, SelfSignup.IsValidRecoveryAddress(address));

    [Fact]
    public void AnAddressLongerThanAnSmtpPathIsRefused() =>
        Assert.False(SelfSignup.IsValidRecoveryAddress(new string('a', 250) + "@x.example"));

    [Fact]
    public async Task SignupIsOffAndRecoveryOnUnlessTheDomainSaysOtherwise()
    {
        var domain = await Domains.GetAsync("example.com", Ct);
        Assert.False(SelfSignup.IsAllowed(domain));
        Assert.True(SelfSignup.AllowsRecovery(domain));

        await Domains.SetSettingsAsync(domain, new DataDictionary { [SelfSignup.DomainSetting] = "YES", [SelfSignup.RecoveryDomainSetting] = "NO" }, Ct);
        domain = await Domains.GetAsync("example.com", Ct);

        Assert.True(SelfSignup.IsAllowed(domain));
        Assert.False(SelfSignup.AllowsRecovery(domain));
    }
}
