using Microsoft.Playwright;

namespace Postern.WebUser.BrowserTests;

/// <summary>Hostile messages, opened in a real browser, run no script and cannot cover the page.</summary>
public class HostileMessageBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData("")]
    [InlineData("Harbor")]
    public async Task NoHostileMessageRunsScriptOrCoversThePage(string skin)
    {
        var user = "hostile" + skin.ToLowerInvariant();
        var account = await server.CreateAccountAsync(user, "Target");
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "messages", "hostile"), "*.eml").Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files)
            await server.AppendAsync(account, "INBOX", await File.ReadAllBytesAsync(file));
        var page = await server.LogInAsync(user, skin: skin.Length > 0 ? skin : null);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var remote = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                remote.Add(request.Url);
        };
        var realm = page.Url[..(page.Url.LastIndexOf('/') + 1)];

        for (var uid = 1; uid <= files.Length; uid++)
        {
            await page.GotoAsync($"{realm}Message.wssp?Mailbox=INBOX&MSG={uid}");
            await page.WaitForSelectorAsync("#messageBody");
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
            // The page's own top bar, not something from the message, is at the top-left corner.
            var corner = await page.EvaluateAsync<string>("() => { const e = document.elementFromPoint(5, 5); return e ? (e.closest('#messageBody') ? 'message' : 'page') : 'none'; }");
            Assert.Equal("page", corner);
            if (Path.GetFileNameWithoutExtension(files[uid - 1]) is "script-html" or "css-escape")
                await Screenshots.SaveAsync(page, skin.Length > 0 ? skin : "Unnamed", "hostile-" + Path.GetFileNameWithoutExtension(files[uid - 1]));
        }
        await page.GotoAsync(realm + "Mailbox.wssp?Mailbox=INBOX");
        await page.WaitForSelectorAsync("#messages");

        Assert.Empty(dialogs);
        Assert.Empty(remote);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
    }
}
