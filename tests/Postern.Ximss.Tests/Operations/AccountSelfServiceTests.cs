using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Data;
using Postern.Mail.Mailboxes;
using Postern.Ximss.Authentication;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations;

/// <summary>passwordModify, signup and recoverPassword.</summary>
public class AccountSelfServiceTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;

    public async Task InitializeAsync() => _ximss = await XimssHarness.CreateAsync(security: o => o.MaxSignupsPerAddressPerHour = 2);

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    private async Task<bool> PasswordWorksAsync(string account, string password) =>
        (await _ximss.Get<Authenticator>().VerifyPasswordAsync(account, password, null, CancellationToken.None)).Succeeded;

    private async Task AllowSignupAsync()
    {
        var domains = _ximss.Get<DomainService>();
        await domains.SetSettingsAsync(await domains.GetAsync("example.com", CancellationToken.None),
            new DataDictionary { [SelfSignup.DomainSetting] = "YES" }, CancellationToken.None);
    }

    [Fact]
    public async Task PasswordModifyChangesThePasswordAndKeepsTheRecoveryAddress()
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.LoginAsync(channel);

        var reply = await _ximss.SendAsync(channel, "<passwordModify id=\"p\" oldPassword=\"secret\" newPassword=\"n3w-s3cret\" recoveryEmail=\"alice@home.example\"/>");

        Assert.Equal(["<response id=\"p\"/>"], reply);
        Assert.True(await PasswordWorksAsync("alice@example.com", "n3w-s3cret"));
        Assert.False(await PasswordWorksAsync("alice@example.com", "secret"));
        Assert.Equal("alice@home.example", AccountService.GetSettings(await _ximss.AliceAsync())[SelfSignup.RecoveryAddressSetting].AsString);
    }

    [Fact]
    public async Task AWrongOldPasswordChangesNothingAndCountsAsAFailedLogin()
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.LoginAsync(channel);

        var reply = await _ximss.SendAsync(channel, "<passwordModify id=\"p\" oldPassword=\"guess\" newPassword=\"other\"/>");

        Assert.Equal(["<response id=\"p\" errorText=\"incorrect password or account name\" errorNum=\"515\"/>"], reply);
        Assert.True(await PasswordWorksAsync("alice@example.com", "secret"));
        Assert.Equal(1, _ximss.Get<LoginThrottle>().TrackedAddresses);
    }

    [Fact]
    public async Task AnUnacceptableNewPasswordIsRefused()
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.LoginAsync(channel);

        var reply = await _ximss.SendAsync(channel, $"<passwordModify id=\"p\" oldPassword=\"secret\" newPassword=\"{new string('x', AccountLimits.MaxPasswordLength + 1)}\"/>");

        Assert.Equal(["<response id=\"p\" errorText=\"new password is not acceptable\" errorNum=\"517\"/>"], reply);
    }

    [Fact]
    public async Task SignupIsRefusedWhereTheDomainDoesNotAllowIt()
    {
        var reply = await _ximss.SendAsync(_ximss.TcpChannel().Channel, "<signup id=\"s\" userName=\"bob\" password=\"pw\"/>");

        Assert.Equal(["<response id=\"s\" errorText=\"self-registration is not allowed\" errorNum=\"560\"/>"], reply);
        Assert.Null(await _ximss.Get<AccountService>().FindAsync(AccountName.Parse("bob@example.com"), CancellationToken.None));
    }

    [Fact]
    public async Task SignupCreatesAnAccountWithItsMailboxesThatCanLogIn()
    {
        await AllowSignupAsync();
        var (channel, _) = _ximss.TcpChannel();

        var reply = await _ximss.SendAsync(channel, "<signup id=\"s\" domain=\"example.com\" userName=\"Bob\" password=\"pw\" realName=\"Bob B\" recoverPassword=\"bob@home.example\"/>");

        Assert.Equal(["<response id=\"s\"/>"], reply);
        var bob = await _ximss.Get<AccountService>().GetAsync(AccountName.Parse("bob@example.com"), CancellationToken.None);
        Assert.Equal("Bob B", bob.RealName);
        Assert.Equal("bob@home.example", AccountService.GetSettings(bob)[SelfSignup.RecoveryAddressSetting].AsString);
        Assert.Contains(await _ximss.Get<MailboxService>().ListAsync(bob, null, CancellationToken.None), m => m.Name == "INBOX");
        Assert.NotNull(await _ximss.LoginAsync(_ximss.TcpChannel().Channel, "bob", "pw"));
    }

    [Theory]
    [InlineData("<signup id=\"s\" userName=\"alice\" password=\"pw\"/>", "561", "account already exists")]
    [InlineData("<signup id=\"s\" userName=\"no spaces\" password=\"pw\"/>", "504", "invalid &quot;userName&quot; attribute: &quot;no spaces&quot; is not a valid account name (letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;)")]
    [InlineData("<signup id=\"s\" userName=\"carol\" password=\"pw\" recoverPassword=\"not-an-address\"/>", "504", "invalid &quot;recoverPassword&quot; attribute: expected an e-mail address")]
    public async Task SignupRefusesTakenAndBadNames(string request, string number, string text)
    {
        await AllowSignupAsync();

        var reply = await _ximss.SendAsync(_ximss.TcpChannel().Channel, request);

        Assert.Equal([$"<response id=\"s\" errorText=\"{text.Replace("&apos;", "'")}\" errorNum=\"{number}\"/>"], reply);
    }

    [Fact]
    public async Task SignupsFromOneAddressAreLimited()
    {
        await AllowSignupAsync();
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.SendAsync(channel, "<signup id=\"1\" userName=\"u1\" password=\"pw\"/>");
        await _ximss.SendAsync(channel, "<signup id=\"2\" userName=\"u2\" password=\"pw\"/>");

        var reply = await _ximss.SendAsync(channel, "<signup id=\"3\" userName=\"u3\" password=\"pw\"/>");

        Assert.Equal(["<response id=\"3\" errorText=\"too many sign-ups from this address; try again later\" errorNum=\"563\"/>"], reply);
    }

    [Theory]
    [InlineData("<recoverPassword id=\"r\" domain=\"example.com\" userName=\"alice\"/>")]
    [InlineData("<recoverPassword id=\"r\" userName=\"nobody@example.com\"/>")]
    [InlineData("<recoverPassword id=\"r\" userName=\"nobody@nodomain.example\"/>")]
    public async Task RecoveryIsAcceptedAlikeAndSaysNothingAboutTheAccount(string request)
    {
        await _ximss.Get<AccountService>().UpdateSettingsAsync(await _ximss.AliceAsync(), SelfSignup.RecoveryAddress("alice@home.example"), CancellationToken.None);

        Assert.Equal(["<response id=\"r\"/>"], await _ximss.SendAsync(_ximss.HttpChannel(), request));
    }

    [Fact]
    public async Task RecoverPasswordMailsAResetLinkToTheRecoveryAddress()
    {
        await _ximss.Get<AccountService>().UpdateSettingsAsync(await _ximss.AliceAsync(), SelfSignup.RecoveryAddress("alice@home.example"), CancellationToken.None);

        Assert.Equal(["<response id=\"r\"/>"], await _ximss.SendAsync(_ximss.HttpChannel(), "<recoverPassword id=\"r\" userName=\"alice\"/>"));

        // The link is issued and mailed off the request's path; the queued mail for the remote address shows it went.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        IReadOnlyList<Postern.Storage.OutboundEntry> queued;
        while ((queued = await _ximss.Store.Outbound.ListAsync(CancellationToken.None)).Count == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        Assert.Equal(["alice@home.example"], Assert.Single(queued).Recipients);
        Assert.True(AccountService.GetSettings(await _ximss.AliceAsync()).ContainsKey(PasswordResetCodes.Setting));
    }

    [Fact]
    public async Task RecoveryIsRefusedWhereTheDomainTurnsItOffAndBeyondTheAddressLimit()
    {
        var domains = _ximss.Get<DomainService>();
        await domains.SetSettingsAsync(await domains.GetAsync("example.com", CancellationToken.None),
            new DataDictionary { [SelfSignup.RecoveryDomainSetting] = "NO" }, CancellationToken.None);
        var channel = _ximss.HttpChannel("192.0.2.50");

        Assert.Equal(["<response id=\"r\" errorText=\"password recovery is not available\" errorNum=\"562\"/>"],
            await _ximss.SendAsync(channel, "<recoverPassword id=\"r\" userName=\"alice\"/>"));
        for (var i = 0; i < 10; i++)
            await _ximss.SendAsync(channel, "<recoverPassword id=\"r\" userName=\"x@nodomain.example\"/>");
        Assert.Equal(["<response id=\"r\" errorText=\"too many password recovery requests from this address; try again later\" errorNum=\"564\"/>"],
            await _ximss.SendAsync(channel, "<recoverPassword id=\"r\" userName=\"x@nodomain.example\"/>"));
    }
}
