using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Postern.Mail.Mailboxes;

namespace Postern.WebUser.BrowserTests;

/// <summary>A session cannot be used after Bye, from another address while bound to one, or by a forged form.</summary>
public class SessionSecurityBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task AfterByeTheSessionUrlIsDead()
    {
        await server.CreateAccountAsync("bye-user", "Bye User");
        var page = await server.LogInAsync("bye-user");
        var sessionUrl = page.Url;

        await page.ClickAsync("text=Log out");
        await page.WaitForSelectorAsync("#bye");
        await page.GotoAsync(sessionUrl);

        await page.WaitForSelectorAsync("#disconnected");
        await Screenshots.SaveAsync(page, "Unnamed", "disconnected");
    }

    [Fact]
    public async Task WithFixedAddressTheSessionRefusesAnotherAddressEvenWithTheCookie()
    {
        await server.CreateAccountAsync("fixed-user", "Fixed User");
        var page = await server.LogInAsync("fixed-user");

        var other = await OpenFromOtherAddressAsync(page);

        await other.WaitForSelectorAsync("#disconnected");
    }

    [Fact]
    public async Task WithDisableIPWatchTheSessionFollowsTheUserToAnotherAddress()
    {
        await server.CreateAccountAsync("roaming-user", "Roaming User");
        var page = await server.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        await page.FillAsync("#username", "roaming-user");
        await page.FillAsync("#password", BrowserServer.Password);
        await page.CheckAsync("input[name=DisableIPWatch]");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#mailboxList");

        var other = await OpenFromOtherAddressAsync(page);

        await other.WaitForSelectorAsync("#mailboxList");
    }

    [Fact]
    public async Task AFormPostedFromAnotherSiteChangesNothing()
    {
        var account = await server.CreateAccountAsync("victim", "Victim User");
        var page = await server.LogInAsync("victim");
        var realm = page.Url[..(page.Url.LastIndexOf('/') + 1)];
        // A page of another site the logged-in user is lured to: it posts into the session by itself.
        await page.Context.RouteAsync("http://attacker.test/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"<form id=f method=post action=\"{realm}Mailboxes.wssp\"><input name=Create value=1><input name=NewName value=Forged></form>"
                + "<script>document.getElementById('f').submit()</script>",
        }));

        await page.GotoAsync("http://attacker.test/");
        await page.WaitForURLAsync(realm + "Mailboxes.wssp");
        await page.WaitForLoadStateAsync();

        Assert.Null(await server.Services.GetRequiredService<MailboxService>().FindAsync(account, "Forged", CancellationToken.None));
    }

    [Fact]
    public async Task AFormWithoutTheTokenIsRefusedEvenFromTheSameBrowser()
    {
        var account = await server.CreateAccountAsync("tokenless", "Tokenless User");
        var page = await server.LogInAsync("tokenless");
        await page.WaitForSelectorAsync("#mailboxList");

        // The real form, with its token taken out.
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=FormToken]').forEach(e => e.remove())");
        await page.FillAsync("#NewName", "NoToken");
        await page.ClickAsync("button[name=Create]");

        Assert.Contains("expired", await (await page.WaitForSelectorAsync("#errorCode"))!.InnerTextAsync());
        Assert.Null(await server.Services.GetRequiredService<MailboxService>().FindAsync(account, "NoToken", CancellationToken.None));
    }

    /// <summary>Opens the page's session URL over IPv6 loopback (another client address), carrying the session cookie along.</summary>
    private async Task<IPage> OpenFromOtherAddressAsync(IPage page)
    {
        var cookies = await page.Context.CookiesAsync();
        var other = await server.NewPageAsync();
        await other.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = server.OtherAddressBaseUrl + c.Path,
        }));
        await other.GotoAsync(page.Url.Replace(server.BaseUrl, server.OtherAddressBaseUrl, StringComparison.Ordinal));
        return other;
    }
}
