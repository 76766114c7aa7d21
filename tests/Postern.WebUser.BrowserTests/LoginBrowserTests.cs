using Microsoft.Playwright;

namespace Postern.WebUser.BrowserTests;

public class LoginBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task AUserLogsInSeesTheMailboxesAndLogsOut()
    {
        await server.CreateAccountAsync("ann", "Ann Example");
        var page = await server.NewPageAsync();

        await page.GotoAsync(server.BaseUrl + "/");
        await Screenshots.SaveAsync(page, "Unnamed", "login");
        await page.FillAsync("#username", "ann");
        await page.FillAsync("#password", BrowserServer.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("#mailboxList");
        Assert.Contains("/Session/", page.Url);
        await Screenshots.SaveAsync(page, "Unnamed", "mailboxes");

        await page.ClickAsync("text=Log out");
        await page.WaitForSelectorAsync("#bye");
        await Screenshots.SaveAsync(page, "Unnamed", "bye");
        await page.GoBackAsync();
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#disconnected");
    }

    [Fact]
    public async Task AWrongPasswordShowsTheErrorOnTheLoginPage()
    {
        var page = await server.NewPageAsync();

        await page.GotoAsync(server.BaseUrl + "/");
        await page.FillAsync("#username", "nobody");
        await page.FillAsync("#password", "wrong");
        await page.ClickAsync("button[type=submit]");

        var error = await page.WaitForSelectorAsync("#errorCode");
        Assert.Contains("not correct", await error!.InnerTextAsync());
        Assert.Equal("nobody", await page.InputValueAsync("#username"));
    }
}
