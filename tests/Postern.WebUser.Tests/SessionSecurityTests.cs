using System.Net;
using Postern.Sessions;

namespace Postern.WebUser.Tests;

public class SessionSecurityTests : IAsyncLifetime
{
    private readonly WebUserTestContext _web = new();

    public async Task InitializeAsync()
    {
        await _web.InitializeAsync();
        await _web.CreateAccountAsync("alice", "Alice Liddell");
    }

    public Task DisposeAsync() => _web.DisposeAsync();

    [Fact]
    public async Task SessionPagesAreNeverCachedAndDoNotLeakTheirUrl()
    {
        using var client = _web.CreateClient();
        var (prefix, _) = await _web.LogInAsync(client, "alice");

        var page = await client.GetAsync(prefix + "Mailboxes.wssp");

        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyStrictAndScopedToTheSessionRealm()
    {
        using var client = _web.CreateClient();
        var response = await client.PostAsync("/", LoginTests.Form(("username", "alice"), ("password", WebUserTestContext.Password)));

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        var id = response.Headers.Location!.ToString().Split('/')[2];
        Assert.StartsWith("PosternSession=", cookie);
        Assert.Contains("path=/Session/" + id + "/", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
    }

    [Fact]
    public async Task ARequestWithoutTheSessionCookieIsDisconnected()
    {
        using var owner = _web.CreateClient();
        using var stranger = _web.CreateClient();
        var (prefix, _) = await _web.LogInAsync(owner, "alice");

        var page = await stranger.GetAsync(prefix + "Mailboxes.wssp");

        Assert.Contains("id=\"disconnected\"", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DisableUseCookieLetsTheSessionWorkWithoutTheCookie()
    {
        using var owner = _web.CreateClient();
        using var other = _web.CreateClient();
        var (prefix, session) = await _web.LogInAsync(owner, "alice", ("DisableUseCookie", "1"));

        var page = await other.GetAsync(prefix + "Mailboxes.wssp");

        Assert.Null(session.CookieSecret);
        Assert.Contains("id=\"mailboxList\"", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithFixedAddressARequestFromAnotherAddressIsDisconnected()
    {
        using var client = _web.CreateClient("192.0.2.10");
        var (prefix, _) = await _web.LogInAsync(client, "alice");
        client.DefaultRequestHeaders.Remove(WebUserTestContext.ClientAddressHeader);
        client.DefaultRequestHeaders.Add(WebUserTestContext.ClientAddressHeader, "198.51.100.99");

        var page = await client.GetAsync(prefix + "Mailboxes.wssp");

        Assert.Contains("id=\"disconnected\"", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DisableIPWatchLetsTheSessionMoveBetweenAddresses()
    {
        using var client = _web.CreateClient("192.0.2.10");
        var (prefix, session) = await _web.LogInAsync(client, "alice", ("DisableIPWatch", "1"));
        client.DefaultRequestHeaders.Remove(WebUserTestContext.ClientAddressHeader);
        client.DefaultRequestHeaders.Add(WebUserTestContext.ClientAddressHeader, "198.51.100.99");

        var page = await client.GetAsync(prefix + "Mailboxes.wssp");

        Assert.False(session.FixedAddress);
        Assert.Contains("id=\"mailboxList\"", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFormWithoutTheTokenChangesNothingAndSaysWhy()
    {
        using var client = _web.CreateClient();
        var (prefix, session) = await _web.LogInAsync(client, "alice");

        var forged = await client.PostAsync(prefix + "Mailboxes.wssp", LoginTests.Form(("Create", "1"), ("NewName", "Forged")));
        var wrong = await client.PostAsync(prefix + "Mailboxes.wssp", LoginTests.Form(("Create", "1"), ("NewName", "Forged"), ("FormToken", "not-the-token")));

        Assert.Contains("id=\"errorCode\"", await forged.Content.ReadAsStringAsync());
        Assert.Contains("id=\"errorCode\"", await wrong.Content.ReadAsStringAsync());
        Assert.Null(await _web.Services.Mailboxes.FindAsync(session.AccountRecord, "Forged", WebUserTestContext.Ct));
    }

    [Fact]
    public async Task AFormWithTheTokenButFromAnotherSiteChangesNothing()
    {
        using var client = _web.CreateClient();
        var (prefix, session) = await _web.LogInAsync(client, "alice");
        var request = new HttpRequestMessage(HttpMethod.Post, prefix + "Mailboxes.wssp")
        {
            Content = LoginTests.Form(("Create", "1"), ("NewName", "CrossSite"), ("FormToken", session.FormToken)),
        };
        request.Headers.Add("Origin", "https://evil.example");

        await client.SendAsync(request);

        Assert.Null(await _web.Services.Mailboxes.FindAsync(session.AccountRecord, "CrossSite", WebUserTestContext.Ct));
    }

    [Fact]
    public async Task AFormWithTheTokenIsProcessed()
    {
        using var client = _web.CreateClient();
        var (prefix, session) = await _web.LogInAsync(client, "alice");

        var page = await client.PostAsync(prefix + "Mailboxes.wssp", LoginTests.Form(("Create", "1"), ("NewName", "Projects"), ("FormToken", session.FormToken)));

        Assert.Contains("id=\"messageCode\"", await page.Content.ReadAsStringAsync());
        Assert.NotNull(await _web.Services.Mailboxes.FindAsync(session.AccountRecord, "Projects", WebUserTestContext.Ct));
    }

    [Fact]
    public async Task ByeEndsTheSessionAndLaterRequestsAreDisconnected()
    {
        using var client = _web.CreateClient();
        var (prefix, session) = await _web.LogInAsync(client, "alice");

        var bye = await client.PostAsync(prefix + "Bye.wssp", LoginTests.Form(("FormToken", session.FormToken)));
        var after = await client.GetAsync(prefix + "Mailboxes.wssp");

        Assert.Contains("id=\"bye\"", await bye.Content.ReadAsStringAsync());
        Assert.Equal(SessionEndReason.Logout, session.EndReason);
        Assert.Contains("id=\"disconnected\"", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AForgedByeDoesNotEndTheSession()
    {
        using var client = _web.CreateClient();
        var (prefix, session) = await _web.LogInAsync(client, "alice");

        var bye = await client.GetAsync(prefix + "Bye.wssp");

        Assert.Contains("id=\"confirmBye\"", await bye.Content.ReadAsStringAsync());
        Assert.False(session.HasEnded);
    }

    [Fact]
    public async Task AnIdleSessionExpiresAfterItsTimeout()
    {
        using var client = _web.CreateClient();
        var (prefix, session) = await _web.LogInAsync(client, "alice");

        _web.Clock.Advance(session.IdleTimeout - TimeSpan.FromSeconds(1));
        var stillThere = await client.GetAsync(prefix + "Mailboxes.wssp");
        _web.Clock.Advance(session.IdleTimeout);
        var gone = await client.GetAsync(prefix + "Mailboxes.wssp");

        Assert.Equal(TimeSpan.FromMinutes(30), session.IdleTimeout);
        Assert.Contains("id=\"mailboxList\"", await stillThere.Content.ReadAsStringAsync());
        Assert.Contains("id=\"disconnected\"", await gone.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownSessionShowsTheDisconnectedPageWithTheRestoreData()
    {
        using var client = _web.CreateClient();

        var page = await client.PostAsync("/Session/12-AAAAAAAAAAAAAAAAAAAA/Compose.wssp", LoginTests.Form(("Subject", "Unfinished"), ("FormToken", "old")));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("id=\"disconnected\"", html);
        Assert.Contains("name=\"restoreSessionPage\" value=\"Compose.wssp\"", html);
        Assert.Contains("name=\"Subject\" value=\"Unfinished\"", html);
        Assert.DoesNotContain("name=\"FormToken\"", html);
    }
}
