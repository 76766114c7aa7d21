using System.Text;
using Microsoft.Playwright;
using Postern.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Postern.WebUser.BrowserTests;

/// <summary>Every page of each stock skin, visited in a browser: it renders, its controls are labelled, and a screenshot is kept.</summary>
public class SkinTourBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    /// <summary>Form controls without an accessible name, and images without alternative text.</summary>
    private const string UnlabelledScript = """
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, img')]
            .filter(e => e.tagName === 'IMG' ? !e.hasAttribute('alt')
                : !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
            .map(e => e.outerHTML.slice(0, 120))
        """;

    [Theory]
    [InlineData("Unnamed", "")]
    [InlineData("Harbor", "Harbor")]
    public async Task EveryPageOfTheSkinRendersWithLabelledControls(string skin, string sessionSkin)
    {
        var user = "tour-" + skin.ToLowerInvariant();
        var account = await server.CreateAccountAsync(user, "Tour Guide");
        await server.AppendAsync(account, "INBOX", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "messages", "multipart-attachment.eml")));
        for (var i = 1; i <= 3; i++)
            await server.AppendAsync(account, "INBOX", Encoding.UTF8.GetBytes($"From: Friend {i} <f{i}@example.org>\r\nSubject: Note {i}\r\n\r\nHi {i}\r\n"), flags: i == 1 ? Storage.MessageFlags.Seen : Storage.MessageFlags.None);

        var login = await server.NewPageAsync();
        await login.GotoAsync(server.BaseUrl + "/" + (sessionSkin.Length > 0 ? "?Skin=" + sessionSkin : ""));
        await CheckAsync(login, skin, "login");
        await login.FillAsync("#username", user);
        await login.FillAsync("#password", BrowserServer.Password);
        if (sessionSkin.Length > 0)
            Assert.Equal(sessionSkin, await login.InputValueAsync("#SessionSkin"));
        await login.ClickAsync("button[type=submit]");
        await login.WaitForSelectorAsync("#mailboxList");
        var realm = login.Url[..(login.Url.LastIndexOf('/') + 1)];
        await CheckAsync(login, skin, "mailboxes");

        var page = login;
        foreach (var (name, path, selector) in new[]
        {
            ("mailbox", "Mailbox.wssp?Mailbox=INBOX", "#messages"),
            ("message", "Message.wssp?Mailbox=INBOX&MSG=1", "#messageBody"),
            ("compose", "Compose.wssp", "#composeForm"),
            ("reply", "Compose.wssp?Operation=Reply&OrigMailbox=INBOX&OrigMessage=1", "#composeForm"),
            ("forward", "Compose.wssp?Operation=Forward&OrigMailbox=INBOX&OrigMessage=1", "#composeForm"),
            ("password", "Password.wssp", "#OldPassword"),
            ("publicinfo", "PublicInfo.wssp", "button[name=Update]"),
            ("subscription", "Subscription.wssp", "#subscription"),
            ("mailboxsettings", "MailboxSettings.wssp?Mailbox=INBOX", "#acl"),
            ("hello", "Hello.wssp", "h1"),
        })
        {
            await page.GotoAsync(realm + path);
            await page.WaitForSelectorAsync(selector);
            await CheckAsync(page, skin, name);
        }

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(realm + "Mailbox.wssp?Mailbox=INBOX");
        await Screenshots.SaveAsync(page, skin, "mailbox-phone");
        await page.SetViewportSizeAsync(1200, 900);

        await server.Services.GetRequiredService<AlertService>().PostAsync(account, "The server restarts at midnight.", CancellationToken.None);
        // The session learns of the alert from the store's change feed, a moment after it is posted.
        var session = (Sessions.WebUserSession)server.Services.GetRequiredService<Postern.Sessions.SessionRegistry>().Snapshot().Single(s => realm.Contains(s.Id, StringComparison.Ordinal));
        for (var waited = 0; !session.AlertsMayBePending && waited < 200; waited++)
            await Task.Delay(50);
        await page.GotoAsync(realm + "Mailboxes.wssp");
        await page.WaitForSelectorAsync("#alerts");
        await CheckAsync(page, skin, "alerts");
        await page.ClickAsync("#confirmAlerts");
        await page.WaitForSelectorAsync("#mailboxList");

        await page.GotoAsync(realm + "NoSuchPage.wssp");
        await page.WaitForSelectorAsync("#error-notfound");
        await Screenshots.SaveAsync(page, skin, "notfound");

        await page.GotoAsync(realm + "Mailboxes.wssp");
        await page.ClickAsync("text=Log out");
        await page.WaitForSelectorAsync("#bye");
        await CheckAsync(page, skin, "bye");
        await page.GotoAsync(realm + "Mailboxes.wssp");
        await page.WaitForSelectorAsync("#disconnected");
        await CheckAsync(page, skin, "disconnected");
    }

    private static async Task CheckAsync(IPage page, string skin, string name)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(UnlabelledScript);
        Assert.True(unlabelled.Length == 0, $"{skin} {name}: controls without a label: {string.Join(" | ", unlabelled)}");
        await Screenshots.SaveAsync(page, skin, name);
    }
}
