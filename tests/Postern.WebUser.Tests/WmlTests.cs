using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Postern.Mail.Messages;
using Postern.Storage;
using Postern.Testing;

namespace Postern.WebUser.Tests;

/// <summary>WAP/WML browsers get the w… pages of the same components, as well-formed WML.</summary>
public class WmlTests : IAsyncLifetime
{
    private readonly WebUserTestContext _web = new();

    public Task InitializeAsync() => _web.InitializeAsync();

    public Task DisposeAsync() => _web.DisposeAsync();

    [Fact]
    public async Task AWmlBrowserLogsInReadsMailAndLogsOutInWml()
    {
        var account = await _web.CreateAccountAsync("wap");
        var inbox = await _web.Services.Mailboxes.GetAsync(account, "INBOX", WebUserTestContext.Ct);
        var uid = (await _web.Provider.GetRequiredService<MessageAppender>().AppendAsync(inbox, TestData.Bytes("messages", "multipart-attachment.eml"), MessageFlags.None, [], null, WebUserTestContext.Ct)).Uid;
        using var client = _web.CreateClient();
        client.DefaultRequestHeaders.Add("Accept", "text/vnd.wap.wml");

        var login = await client.GetAsync("/");
        var loggedIn = await client.PostAsync("/", LoginTests.Form(("username", "wap"), ("password", WebUserTestContext.Password)));
        var start = loggedIn.Headers.Location!.ToString();
        var prefix = start[..(start.LastIndexOf('/') + 1)];
        var session = (Sessions.WebUserSession)_web.Services.Sessions.Snapshot().Single(s => start.Contains(s.Id, StringComparison.Ordinal));
        var mailboxes = await client.GetAsync(start);
        var mailbox = await client.GetAsync(prefix + "wMailbox.wssp?Mailbox=INBOX");
        var message = await client.GetAsync($"{prefix}wMessage.wssp?Mailbox=INBOX&MSG={uid}");
        var compose = await client.GetAsync(prefix + "wCompose.wssp");
        var bye = await client.PostAsync(prefix + "wBye.wssp", LoginTests.Form(("FormToken", session.FormToken)));

        Assert.EndsWith("/wMailboxes.wssp", start);
        foreach (var page in new[] { login, mailboxes, mailbox, message, compose, bye })
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.StartsWith("text/vnd.wap.wml", page.Content.Headers.ContentType!.ToString());
            var document = XDocument.Parse(await page.Content.ReadAsStringAsync());
            Assert.Equal("wml", document.Root!.Name.LocalName);
        }
        Assert.Contains("Here is the report", await message.Content.ReadAsStringAsync());
        Assert.Contains("report.pdf", await message.Content.ReadAsStringAsync());
        Assert.True(session.HasEnded);
    }

    [Fact]
    public async Task DollarSignsInMailAreWrittenAsDoubleDollarsOnWmlPagesOnly()
    {
        var account = await _web.CreateAccountAsync("dollars");
        var inbox = await _web.Services.Mailboxes.GetAsync(account, "INBOX", WebUserTestContext.Ct);
        var mail = "From: a@example.com\r\nTo: dollars@example.com\r\nSubject: Save $(total) now, US$5\r\n\r\nPay $10 today.\r\n"u8.ToArray();
        var uid = (await _web.Provider.GetRequiredService<MessageAppender>().AppendAsync(inbox, mail, MessageFlags.None, [], null, WebUserTestContext.Ct)).Uid;
        using var wap = _web.CreateClient();
        wap.DefaultRequestHeaders.Add("Accept", "text/vnd.wap.wml");
        using var browser = _web.CreateClient("192.0.2.11");

        var wml = await ReadMessagePageAsync(wap, "w", uid);
        var html = await ReadMessagePageAsync(browser, "", uid);

        Assert.Contains("Save $$(total) now, US$$5", wml, StringComparison.Ordinal);
        Assert.Contains("Pay $$10 today.", wml, StringComparison.Ordinal);
        Assert.DoesNotContain("$(total)", wml.Replace("$$(total)", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Save $(total) now, US$5", html, StringComparison.Ordinal);
        Assert.DoesNotContain("$$", html, StringComparison.Ordinal);
    }

    private static async Task<string> ReadMessagePageAsync(HttpClient client, string pagePrefix, uint uid)
    {
        var loggedIn = await client.PostAsync("/", LoginTests.Form(("username", "dollars"), ("password", WebUserTestContext.Password)));
        var start = loggedIn.Headers.Location!.ToString();
        var prefix = start[..(start.LastIndexOf('/') + 1)];
        return await client.GetStringAsync($"{prefix}{pagePrefix}Message.wssp?Mailbox=INBOX&MSG={uid}");
    }
}
