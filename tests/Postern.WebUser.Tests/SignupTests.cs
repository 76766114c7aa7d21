using System.Net;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Data;

namespace Postern.WebUser.Tests;

/// <summary>The stateless <c>/Signup.wssp</c>.</summary>
public class SignupTests : IAsyncLifetime
{
    private readonly WebUserTestContext _web = new();

    public async Task InitializeAsync()
    {
        _web.Security.MaxSignupsPerAddressPerHour = 2;
        await _web.InitializeAsync();
    }

    public Task DisposeAsync() => _web.DisposeAsync();

    private async Task AllowSignupAsync()
    {
        var domain = await _web.Services.Domains.GetAsync(WebUserTestContext.Domain, WebUserTestContext.Ct);
        await _web.Services.Domains.SetSettingsAsync(domain, new DataDictionary { [SelfSignup.DomainSetting] = "YES" }, WebUserTestContext.Ct);
    }

    private static FormUrlEncodedContent Form(string name, string password1 = "pw-1", string? password2 = null, params (string Name, string Value)[] more) =>
        LoginTests.Form([("username", name), ("password1", password1), ("password2", password2 ?? password1), ("realName", "New User"), .. more]);

    [Fact]
    public async Task ASignupCreatesTheAccountWithItsSettingsAndEntersASession()
    {
        await AllowSignupAsync();
        using var client = _web.CreateClient();

        var response = await client.PostAsync("/Signup.wssp", Form("newbie", more: [("ForgotPassword", "me@home.example"), ("PublicInfo", "City"), ("City", "Lisbon")]));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Matches(@"^/Session/\d+-[0-9A-Za-z]{20}/Mailboxes\.wssp$", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.Headers.Location)).StatusCode);
        var account = await _web.Services.Accounts.GetAsync(AccountName.Parse("newbie@example.com"), WebUserTestContext.Ct);
        Assert.Equal("New User", account.RealName);
        var settings = AccountService.GetSettings(account);
        Assert.Equal("me@home.example", settings[SelfSignup.RecoveryAddressSetting].AsString);
        Assert.Equal("Lisbon", settings["City"].AsString);
        Assert.True((await _web.Services.Authenticator.VerifyPasswordAsync("newbie", "pw-1", null, WebUserTestContext.Ct)).Succeeded);
        Assert.NotNull(await _web.Services.Mailboxes.GetAsync(account, "INBOX", WebUserTestContext.Ct));
    }

    [Fact]
    public async Task WithoutAutoSignupThePageSaysSoAndNoAccountIsMade()
    {
        using var client = _web.CreateClient();

        var page = await client.GetStringAsync("/Signup.wssp");
        var post = await client.PostAsync("/Signup.wssp", Form("sneaky"));

        Assert.Contains("Accounts cannot be created here.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password1\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("id=\"errorCode\"", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await _web.Services.Accounts.FindAsync(AccountName.Parse("sneaky@example.com"), WebUserTestContext.Ct));
    }

    [Theory]
    [InlineData("taken", "pw", "pw", "", "Account Already Exists")]
    [InlineData("fresh", "pw", "other", "", "Passwords Do Not Match")]
    [InlineData("bad name!", "pw", "pw", "", "Invalid Account Name")]
    [InlineData("fresh", "pw", "pw", "not-an-address", "Invalid Recovery Address")]
    public async Task ARefusedSignupGivesTheErrorAndTheValuesTypedBack(string name, string password1, string password2, string recovery, string errorCode)
    {
        await AllowSignupAsync();
        await _web.CreateAccountAsync("taken");
        var signup = _web.Provider.GetService(typeof(Stateless.Signup)) as Stateless.Signup;
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Host = new Microsoft.AspNetCore.Http.HostString(WebUserTestContext.Domain);
        http.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.8");
        var context = await Stateless.StatelessContext.CreateAsync(http, _web.Services,
            WebUserTestContext.Parameters(("username", name), ("password1", password1), ("password2", password2), ("realName", "R N"), ("ForgotPassword", recovery)),
            WebUserTestContext.Ct);

        var result = await signup!.ProcessAsync(context, WebUserTestContext.Ct);

        Assert.Null(result.Session);
        Assert.Equal("signup.wssp", result.PageName);
        Assert.Equal(errorCode, result.Dataset["errorCode"].AsString);
        Assert.Equal(name, result.Dataset["userName"].AsString);
        Assert.Equal("R N", result.Dataset["realName"].AsString);
        Assert.Equal(recovery.Length > 0, result.Dataset.ContainsKey("recoverPassword"));
    }

    [Fact]
    public async Task SignupsShareThePerAddressLimitWithXimss()
    {
        await AllowSignupAsync();
        // What a XIMSS signup from the same address takes from the shared limit.
        Assert.True(((SignupRateLimit)_web.Provider.GetService(typeof(SignupRateLimit))!).TryAcquire(IPAddress.Parse("192.0.2.10")));
        using var client = _web.CreateClient();

        var first = await client.PostAsync("/Signup.wssp", Form("one"));
        var second = await client.PostAsync("/Signup.wssp", Form("two"));

        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.Contains("Too many accounts were created", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await _web.Services.Accounts.FindAsync(AccountName.Parse("two@example.com"), WebUserTestContext.Ct));
    }

    [Fact]
    public async Task AnUnknownPublicInfoFieldIsRefused()
    {
        await AllowSignupAsync();
        using var client = _web.CreateClient();

        var response = await client.PostAsync("/Signup.wssp", Form("infos", more: [("PublicInfo", "Password"), ("Password", "x")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await _web.Services.Accounts.FindAsync(AccountName.Parse("infos@example.com"), WebUserTestContext.Ct));
    }
}
