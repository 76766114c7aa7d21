using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Postern.Mail.Messages;
using Postern.Storage;
using Postern.Testing;

namespace Postern.WebUser.Tests;

/// <summary>Every stock page renders over HTTP with real data.</summary>
public class PageRenderingTests : IAsyncLifetime
{
    private readonly WebUserTestContext _web = new();

    public Task InitializeAsync() => _web.InitializeAsync();

    public Task DisposeAsync() => _web.DisposeAsync();

    [Fact]
    public async Task TheMessagePageShowsAMultipartMessage()
    {
        var account = await _web.CreateAccountAsync("alice");
        var box = await _web.Services.Mailboxes.GetAsync(account, "INBOX", WebUserTestContext.Ct);
        var uid = (await _web.Provider.GetRequiredService<MessageAppender>().AppendAsync(box, TestData.Bytes("messages", "multipart-attachment.eml"), MessageFlags.None, [], null, WebUserTestContext.Ct)).Uid;
        using var client = _web.CreateClient();
        var (prefix, _) = await _web.LogInAsync(client, "alice");

        var page = await client.GetAsync($"{prefix}Message.wssp?Mailbox=INBOX&MSG={uid}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("id=\"messageBody\"", html);
    }
}
