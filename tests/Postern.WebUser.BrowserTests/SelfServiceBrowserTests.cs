using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Data;
using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.WebUser.BrowserTests;

/// <summary>Password recovery and sign-up in a browser, in both stock skins.</summary>
public partial class SelfServiceBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData("Unnamed", "")]
    [InlineData("Harbor", "Harbor")]
    public async Task AForgottenPasswordIsResetWithTheMailedLink(string skin, string skinName)
    {
        var user = "forgetful" + skinName.ToLowerInvariant();
        var account = await server.CreateAccountAsync(user, "Forgetful");
        var keeper = await server.CreateAccountAsync("keeper" + skinName.ToLowerInvariant(), "Keeper");
        await server.Services.GetRequiredService<AccountService>().UpdateSettingsAsync(account,
            SelfSignup.RecoveryAddress($"keeper{skinName.ToLowerInvariant()}@{BrowserServer.Domain}"), CancellationToken.None);
        var page = await server.NewPageAsync();

        await page.GotoAsync($"{server.BaseUrl}/?Skin={skinName}");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", "wrong");
        await page.ClickAsync("button[type=submit]");
        await page.ClickAsync("#forgotPassword");
        await page.FillAsync("#username", user);
        await Screenshots.SaveAsync(page, skin, "recoverypassword");
        await page.ClickAsync("#sendForm button[type=submit]");
        await page.WaitForSelectorAsync("#messageCode");
        await Screenshots.SaveAsync(page, skin, "recoverypassword-sent");

        var link = LinkPattern().Match(await ReadMailAsync(keeper)).Value;
        // The mailed link opens in the domain's default skin; the test looks at each skin's page.
        await page.GotoAsync(link + (skinName.Length > 0 ? "&Skin=" + skinName : ""));
        await page.FillAsync("#password1", "brand-new-pw");
        await page.FillAsync("#password2", "brand-new-pw");
        await Screenshots.SaveAsync(page, skin, "recoverypassword-reset");
        await page.ClickAsync("#resetForm button[type=submit]");
        await page.WaitForSelectorAsync("#messageCode");

        var session = await server.LogInAsync(user, "brand-new-pw");
        Assert.Contains("/Session/", session.Url);
    }

    [Theory]
    [InlineData("Unnamed", "")]
    [InlineData("Harbor", "Harbor")]
    public async Task SomeoneSignsUpAndLandsInTheirMailbox(string skin, string skinName)
    {
        var domains = server.Services.GetRequiredService<DomainService>();
        await domains.SetSettingsAsync(await domains.GetAsync(BrowserServer.Domain, CancellationToken.None),
            new DataDictionary { [SelfSignup.DomainSetting] = "YES" }, CancellationToken.None);
        var user = "joiner" + skinName.ToLowerInvariant();
        var page = await server.NewPageAsync();

        await page.GotoAsync($"{server.BaseUrl}/?Skin={skinName}");
        await page.ClickAsync("#signup");
        await page.FillAsync("#username", user);
        await page.FillAsync("#realName", "Jo Iner");
        await page.FillAsync("#password1", "joiner-pw");
        await page.FillAsync("#password2", "joiner-pw-typo");
        await page.ClickAsync("#signupForm button[type=submit]");
        await page.WaitForSelectorAsync("#errorCode");
        await Screenshots.SaveAsync(page, skin, "signup-error");
        Assert.Equal(user, await page.InputValueAsync("#username"));
        await page.FillAsync("#password1", "joiner-pw");
        await page.FillAsync("#password2", "joiner-pw");
        await page.ClickAsync("#signupForm button[type=submit]");

        await page.WaitForSelectorAsync("#mailboxList");
        Assert.Contains("/Session/", page.Url);
    }

    private async Task<string> ReadMailAsync(AccountRecord account)
    {
        var store = server.Services.GetRequiredService<IStore>();
        var inbox = await server.Services.GetRequiredService<MailboxService>().GetAsync(account, "INBOX", CancellationToken.None);
        // The mailing runs off the request's path; wait for its delivery.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        IReadOnlyList<MessageRecord> messages;
        while ((messages = await store.Messages.GetRangeAsync(inbox.Id, 1, uint.MaxValue, 10, CancellationToken.None)).Count == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        await using var content = await store.Messages.OpenContentAsync(inbox.Id, Assert.Single(messages).Uid, CancellationToken.None);
        using var reader = new StreamReader(content!, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [GeneratedRegex(@"http://\S+RecoveryPassword\.wssp\?code=\S+")]
    private static partial Regex LinkPattern();
}
