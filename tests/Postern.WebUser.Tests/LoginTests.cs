using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Postern.WebUser.Http;
using Postern.WebUser.Stateless;

namespace Postern.WebUser.Tests;

public class LoginTests : IAsyncLifetime
{
    private readonly WebUserTestContext _web = new();

    public Task InitializeAsync() => _web.InitializeAsync();

    public Task DisposeAsync() => _web.DisposeAsync();

    [Fact]
    public async Task TheLoginPageIsServedAtTheRootAndAtDefaultHtml()
    {
        using var client = _web.CreateClient();
        var root = await client.GetAsync("/");
        var defaultHtml = await client.GetAsync("/default.html");

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Contains("name=\"username\"", await root.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, defaultHtml.StatusCode);
        Assert.Contains("name=\"password\"", await defaultHtml.Content.ReadAsStringAsync());
        Assert.Equal("text/html; charset=utf-8", root.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task TheLoginDatasetHasTheSeedKeysWithoutAnAttempt()
    {
        var result = await LoginAsync(new DefaultHttpContext());

        Assert.Equal("login.wssp", result.PageName);
        Assert.Null(result.Session);
        Assert.Equal(["charset", "clientAddress", "domainName", "filesRef", "serverName", "skinNames"], WebUserTestContext.KeysOf(result.Dataset));
    }

    [Fact]
    public async Task AFailedLoginAddsErrorCodeForgotPasswordAndLoginName()
    {
        await _web.CreateAccountAsync("alice");
        var http = new DefaultHttpContext();
        var result = await LoginAsync(http, ("username", "alice"), ("password", "wrong"));
        var unknown = await LoginAsync(new DefaultHttpContext(), ("username", "nobody"), ("password", "wrong"));

        Assert.Equal(["charset", "clientAddress", "domainName", "errorCode", "filesRef", "forgotPassword", "loginName", "serverName", "skinNames"],
            WebUserTestContext.KeysOf(result.Dataset));
        Assert.Equal("Incorrect Password", result.Dataset["errorCode"].AsString);
        Assert.Equal("alice", result.Dataset["loginName"].AsString);
        // An unknown account and a wrong password look the same, so account names cannot be probed.
        Assert.Equal(result.Dataset["errorCode"], unknown.Dataset["errorCode"]);
    }

    [Fact]
    public async Task AutoSignupAndCertificateFollowTheDomainSettings()
    {
        var domain = await _web.Services.Domains.GetAsync(WebUserTestContext.Domain, WebUserTestContext.Ct);
        await _web.Services.Domains.SetSettingsAsync(domain, new Data.DataDictionary { ["AutoSignup"] = "YES", ["Certificate"] = "-----BEGIN CERTIFICATE-----" }, WebUserTestContext.Ct);

        var result = await LoginAsync(new DefaultHttpContext());

        Assert.Equal("YES", result.Dataset["autoSignup"].AsString);
        Assert.Equal("YES", result.Dataset["hasCertificate"].AsString);
    }

    [Fact]
    public async Task ASuccessfulLoginRedirectsToTheSkinStartPageInsideTheNewSession()
    {
        await _web.CreateAccountAsync("bob");
        using var client = _web.CreateClient();

        var response = await client.PostAsync("/", Form(("username", "bob"), ("password", WebUserTestContext.Password)));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches(@"^/Session/\d+-[0-9A-Za-z]{20}/Mailboxes\.wssp$", location);
        var page = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("bob@example.com", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ALoginWithRestoreSessionPageShowsTheResumePage()
    {
        await _web.CreateAccountAsync("carol");
        var result = await LoginAsync(new DefaultHttpContext(),
            ("username", "carol"), ("password", WebUserTestContext.Password),
            ("restoreSessionPage", "Compose.wssp"), ("restoreCharset", "utf-8"), ("Subject", "Half written"), ("Body", "Dear Dave,"));

        Assert.Equal("resume.wssp", result.PageName);
        Assert.NotNull(result.Session);
        Assert.Equal(["charset", "domainName", "filesRef", "jumpPage", "restoreParameters", "restoreSessionPage", "serverName", "sessionID"],
            WebUserTestContext.KeysOf(result.Dataset));
        Assert.Equal(result.Session.Id, result.Dataset["sessionID"].AsString);
        Assert.Equal("Compose.wssp?Subject=Half%20written&Body=Dear%20Dave%2C", result.Dataset["jumpPage"].AsString);
        var restored = (Data.DataArray)result.Dataset["restoreParameters"];
        Assert.Equal(["Subject", "Body"], restored.Select(p => ((Data.DataDictionary)p)["name"].AsString));
    }

    [Fact]
    public async Task AWmlBrowserGetsTheWmlLoginPage()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Accept = "text/vnd.wap.wml, */*";

        var result = await LoginAsync(http);

        Assert.Equal("wlogin.wssp", result.PageName);
        Assert.Equal("YES", result.Dataset["isWML"].AsString);
    }

    [Fact]
    public async Task RepeatedFailuresLockTheAddressOutWithoutCheckingThePassword()
    {
        await _web.CreateAccountAsync("carol");
        var throttle = _web.Services.LoginThrottle;
        for (var i = 0; i < _web.Security.LoginThrottle.MaxFailures - 1; i++)
            Assert.Equal(Login.IncorrectPassword, (await LoginAsync(new DefaultHttpContext(), ("username", "carol"), ("password", "wrong"))).Dataset["errorCode"].AsString);
        Assert.False(throttle.IsLockedOut(IPAddress.Parse("192.0.2.7")));

        var last = await LoginAsync(new DefaultHttpContext(), ("username", "nobody"), ("password", "wrong"));
        var right = await LoginAsync(new DefaultHttpContext(), ("username", "carol"), ("password", WebUserTestContext.Password));
        var unknown = await LoginAsync(new DefaultHttpContext(), ("username", "nobody"), ("password", "wrong"));

        Assert.Equal(Login.IncorrectPassword, last.Dataset["errorCode"].AsString);
        Assert.True(throttle.IsLockedOut(IPAddress.Parse("192.0.2.7")));
        // Locked out, even the right password gets the same page as an unknown account: nothing is told.
        Assert.Null(right.Session);
        Assert.Equal(Login.LoginLockedOut, right.Dataset["errorCode"].AsString);
        Assert.Equal(WebUserTestContext.KeysOf(unknown.Dataset), WebUserTestContext.KeysOf(right.Dataset));
        Assert.False(right.Dataset.ContainsKey("forgotPassword"));
        _web.Clock.Advance(_web.Security.LoginThrottle.LockoutDuration + TimeSpan.FromSeconds(1));
        Assert.NotNull((await LoginAsync(new DefaultHttpContext(), ("username", "carol"), ("password", WebUserTestContext.Password))).Session);
    }

    [Fact]
    public async Task FailedLoginsOverAnyProtocolCountTogether()
    {
        await _web.CreateAccountAsync("dave");
        // What XIMSS logins record in the same (shared) throttle.
        for (var i = 0; i < _web.Security.LoginThrottle.MaxFailures; i++)
            _web.Provider.GetRequiredService<Postern.Accounts.Security.LoginThrottle>().RecordFailure(IPAddress.Parse("192.0.2.7"));

        var result = await LoginAsync(new DefaultHttpContext(), ("username", "dave"), ("password", WebUserTestContext.Password));

        Assert.Equal(Login.LoginLockedOut, result.Dataset["errorCode"].AsString);
    }

    [Fact]
    public async Task ASuccessfulLoginForgivesTheAddressItsFailures()
    {
        await _web.CreateAccountAsync("erin");
        await LoginAsync(new DefaultHttpContext(), ("username", "erin"), ("password", "wrong"));
        Assert.Equal(1, _web.Services.LoginThrottle.TrackedAddresses);

        await LoginAsync(new DefaultHttpContext(), ("username", "erin"), ("password", WebUserTestContext.Password));

        Assert.Equal(0, _web.Services.LoginThrottle.TrackedAddresses);
    }

    private async Task<LoginResult> LoginAsync(DefaultHttpContext http, params (string Name, string Value)[] parameters)
    {
        http.Request.Host = new HostString(WebUserTestContext.Domain);
        http.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        var context = await StatelessContext.CreateAsync(http, _web.Services, WebUserTestContext.Parameters(parameters), WebUserTestContext.Ct);
        return await _web.Provider.GetRequiredService<Login>().ProcessAsync(context, WebUserTestContext.Ct);
    }

    internal static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
