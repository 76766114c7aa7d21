using Microsoft.Playwright;

namespace Postern.WebUser.BrowserTests;

/// <summary>Saving a message's attachments into File Storage and getting them back from the WebSite page.</summary>
public class FileStorageBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Skin = "Harbor";

    [Fact]
    public async Task StoredAttachmentsAppearOnTheWebSitePageAndDownload()
    {
        var alice = await server.CreateAccountAsync("alice", "Alice Liddell");
        await server.AppendAsync(alice, "INBOX", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "messages", "multipart-attachment.eml")));

        var page = await server.LogInAsync("alice", skin: Skin);
        var session = page.Url[..(page.Url.IndexOf("/Session/", StringComparison.Ordinal) + "/Session/".Length)]
            + page.Url.Split("/Session/")[1].Split('/')[0] + "/";
        await page.GotoAsync(session + "Message.wssp?Mailbox=INBOX&MSG=1");
        await page.WaitForSelectorAsync("#storeFilesForm");
        Assert.Equal("", await page.InputValueAsync("#selectedWebFolder"));
        await page.ClickAsync("#storeFiles");
        await page.WaitForSelectorAsync("#messageCode");
        Assert.Contains("files have been stored", await page.InnerTextAsync("#messageCode"));
        await Screenshots.SaveAsync(page, Skin, "message-files-stored");

        await page.ClickAsync("nav.sidebar >> text=Files");
        await page.WaitForSelectorAsync("#files");
        await Screenshots.SaveAsync(page, Skin, "website");
        var rows = page.Locator("#files tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("report.pdf", await page.InnerTextAsync("#files"));
        Assert.Contains("logo.png", await page.InnerTextAsync("#files"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#files >> text=report.pdf"));
        Assert.Equal("report.pdf", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), "postern-" + Guid.NewGuid().ToString("N") + ".pdf");
        await download.SaveAsAsync(saved);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(saved));
        File.Delete(saved);
        await page.Context.CloseAsync();
    }
}
