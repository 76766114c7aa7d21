using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.WebUser.BrowserTests;

/// <summary>A working day in the Unnamed stock skin, through a real browser.</summary>
public class MailFlowBrowserTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Skin = "Unnamed";

    [Fact]
    public async Task ReadSortPageSearchComposeReplyDeleteEmptyTrashChangePasswordAndLogOut()
    {
        var alice = await server.CreateAccountAsync("alice", "Alice Liddell");
        var bob = await server.CreateAccountAsync("bob", "Bob Builder");
        var start = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 45; i++)
            await server.AppendAsync(alice, "INBOX", Message($"Sender {i:00} <s{i}@example.org>", $"Topic {i:00}"), start.AddHours(i), MessageFlags.Seen);
        await server.AppendAsync(alice, "INBOX", ReportMessage(), start.AddDays(10));

        var page = await server.LogInAsync("alice");
        await page.ClickAsync("#mailboxList >> text=INBOX");
        await page.WaitForSelectorAsync("#messages");
        await Screenshots.SaveAsync(page, Skin, "mailbox");
        Assert.Equal(20, await page.Locator("#messages tbody tr").CountAsync());
        Assert.Contains("The report", await page.Locator("#messages tbody tr").First.InnerTextAsync());

        // Page forward and back.
        await page.ClickAsync("#nextPage");
        Assert.Contains("21", await page.InnerTextAsync("#paging"));
        await page.ClickAsync("#prevPage");
        Assert.Contains("1–20", await page.InnerTextAsync("#paging"));

        // Sort by subject: a new column keeps the current (descending) order; a second click reverses it. Then search.
        await page.ClickAsync("#messages thead >> text=Subject");
        Assert.Contains("Topic 45", await page.Locator("#messages tbody tr").First.InnerTextAsync());
        await page.ClickAsync("#messages thead >> text=Subject");
        Assert.Contains("The report", await page.Locator("#messages tbody tr").First.InnerTextAsync());
        await page.FillAsync("#Search", "report");
        await page.ClickAsync("#viewForm button[type=submit]");
        Assert.Equal(1, await page.Locator("#messages tbody tr").CountAsync());

        // Read the multipart message and download its attachment.
        await page.ClickAsync("#messages tbody a:has-text(\"The report\")");
        await page.WaitForSelectorAsync("#messageBody");
        await Screenshots.SaveAsync(page, Skin, "message");
        Assert.Contains("Here is the report", await page.InnerTextAsync("#messageBody"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#messageBody >> text=report.pdf"));
        Assert.Equal("report.pdf", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), "postern-" + Guid.NewGuid().ToString("N") + ".pdf");
        await download.SaveAsAsync(saved);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(saved));
        File.Delete(saved);
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#messageBody img').naturalWidth === 1"));

        // Compose and send to Bob.
        await page.ClickAsync("nav >> text=Compose");
        await page.FillAsync("#To", "Bob Builder <bob@example.com>");
        await page.FillAsync("#Subject", "Dinner");
        await page.FillAsync("#Body", "Dinner at eight?");
        await Screenshots.SaveAsync(page, Skin, "compose");
        await page.ClickAsync("#send");
        await page.WaitForSelectorAsync("#messageCode");
        Assert.Contains("sent", await page.InnerTextAsync("#messageCode"));

        // Bob reads it and replies.
        var bobPage = await server.LogInAsync("bob");
        await bobPage.ClickAsync("#mailboxList >> text=INBOX");
        await bobPage.ClickAsync("#messages tbody a:has-text(\"Alice\")");
        Assert.Contains("Dinner at eight?", await bobPage.InnerTextAsync("#messageBody"));
        await bobPage.ClickAsync("#reply");
        Assert.Equal("Re: Dinner", await bobPage.InputValueAsync("#Subject"));
        Assert.Contains("alice@example.com", await bobPage.InputValueAsync("#To"));
        await bobPage.FillAsync("#Body", "Yes, gladly.\n" + await bobPage.InputValueAsync("#Body"));
        await bobPage.ClickAsync("#send");
        await bobPage.WaitForSelectorAsync("#messageCode");
        await bobPage.Context.CloseAsync();

        // Alice sees the reply, moves it to Trash and empties the Trash.
        await page.GotoAsync(page.Url.Split("/Session/")[0] + "/Session/" + page.Url.Split("/Session/")[1].Split('/')[0] + "/Mailbox.wssp?Mailbox=INBOX&Search=");
        await page.ClickAsync("#messages tbody tr:has-text(\"Re: Dinner\") a");
        Assert.Contains("Yes, gladly.", await page.InnerTextAsync("#messageBody"));
        await page.ClickAsync("#deleteMessage");
        await page.WaitForSelectorAsync("#messages");
        Assert.Equal(0, await page.Locator("#messages tbody tr >> text=Re: Dinner").CountAsync());
        var mailboxes = server.Services.GetRequiredService<MailboxService>();
        Assert.Equal(1, (await mailboxes.GetAsync(alice, "Trash", CancellationToken.None)).MessageCount);
        await page.ClickAsync("nav >> text=Mailboxes");
        await page.ClickAsync("#EmptyTrashNow");
        await page.WaitForSelectorAsync("#mailboxList");
        Assert.Equal(0, (await mailboxes.GetAsync(alice, "Trash", CancellationToken.None)).MessageCount);
        Assert.Equal(1, (await mailboxes.GetAsync(alice, "Sent", CancellationToken.None)).MessageCount);

        // Change the password, log out, and log in with the new one.
        await page.ClickAsync("nav >> text=Password");
        await Screenshots.SaveAsync(page, Skin, "password");
        await page.FillAsync("#OldPassword", BrowserServer.Password);
        await page.FillAsync("#NewPassword1", "n3w-passw0rd");
        await page.FillAsync("#NewPassword2", "n3w-passw0rd");
        await page.ClickAsync("button[name=ModifyPassword]");
        Assert.Contains("password has been changed", await page.InnerTextAsync("#messageCode"));
        await page.ClickAsync("text=Log out");
        await page.WaitForSelectorAsync("#bye");
        var again = await server.LogInAsync("alice", "n3w-passw0rd");
        await again.WaitForSelectorAsync("#mailboxList");
    }

    private static byte[] Message(string from, string subject) =>
        Encoding.UTF8.GetBytes($"From: {from}\r\nTo: alice@example.com\r\nSubject: {subject}\r\nContent-Type: text/plain\r\n\r\nAbout {subject}.\r\n");

    private static byte[] ReportMessage() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "messages", "multipart-attachment.eml"));
}
