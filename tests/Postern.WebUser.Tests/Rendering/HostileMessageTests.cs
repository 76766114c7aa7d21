using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Postern.Mail.Messages;
using Postern.Storage;
using Postern.Testing;

namespace Postern.WebUser.Tests.Rendering;

/// <summary>Hostile messages render without script, remote content or markup of their own reaching the page.</summary>
public class HostileMessageTests : IAsyncLifetime
{
    private static readonly string[] s_forbiddenElements = ["script", "iframe", "frame", "object", "embed", "base", "meta", "form", "link", "svg"];

    private readonly WebUserTestContext _web = new();
    private AccountRecord _account = null!;

    public static TheoryData<string> HostileFiles() =>
        new(Directory.EnumerateFiles(TestData.Path("messages", "hostile"), "*.eml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public async Task InitializeAsync()
    {
        await _web.InitializeAsync();
        _account = await _web.CreateAccountAsync("alice");
    }

    public Task DisposeAsync() => _web.DisposeAsync();

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task AHostileMessageRendersSafelyInItsPageAndItsMailboxRow(string file)
    {
        var (message, mailbox) = await ShowAsync(TestData.Bytes("messages", "hostile", file));

        AssertSafe(message, "#messageBody");
        AssertSafe(mailbox, "#messages");
    }

    [Fact]
    public async Task TheHtmlAlternativeIsShownSafelyAndThePlainMarkupStaysText()
    {
        var (html, _) = await ShowAsync(TestData.Bytes("messages", "hostile", "alternative.eml"));
        var plain = await ShowAsync(Encoding.UTF8.GetBytes("From: a@example.org\r\nSubject: Plain\r\nContent-Type: text/plain\r\n\r\nThe plain version <script>alert(8)</script> with markup as text.\r\n"));

        Assert.Contains("The HTML version", Parse(html).QuerySelector("#messageBody .postern-message")!.TextContent);
        Assert.Contains("The plain version <script>alert(8)</script> with markup as text.", Parse(plain.Message).QuerySelector("#messageBody")!.TextContent);
    }

    [Fact]
    public async Task RemoteImagesAreBlockedUntilTheUserAllowsThem()
    {
        var uid = await AppendAsync(TestData.Bytes("messages", "hostile", "script-html.eml"));
        using var client = _web.CreateClient();
        var (prefix, _) = await _web.LogInAsync(client, "alice");

        var blocked = await client.GetAsync($"{prefix}Message.wssp?Mailbox=INBOX&MSG={uid}");
        var allowed = await client.GetAsync($"{prefix}Message.wssp?Mailbox=INBOX&MSG={uid}&AllowRemote=1");
        var blockedPage = Parse(await blocked.Content.ReadAsStringAsync());
        var allowedPage = Parse(await allowed.Content.ReadAsStringAsync());

        Assert.NotNull(blockedPage.QuerySelector("#remoteBlocked"));
        Assert.DoesNotContain("https:", blocked.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Null(allowedPage.QuerySelector("#remoteBlocked"));
        Assert.Contains(allowedPage.QuerySelectorAll("#messageBody img"), img => img.GetAttribute("src") == "https://tracker.example/pixel.gif");
        Assert.Contains("img-src 'self' data: https:", allowed.Headers.GetValues("Content-Security-Policy").Single());
        Assert.All(allowedPage.QuerySelectorAll("#messageBody img[src^=https]"), img => Assert.Equal("no-referrer", img.GetAttribute("referrerpolicy")));
    }

    [Fact]
    public async Task InlineImagesOfARelatedMessageAreShownFromTheMessage()
    {
        var message = "From: a@example.org\r\nSubject: Picture\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"r\"\r\n\r\n"
            + "--r\r\nContent-Type: text/html\r\n\r\n<p>Look: <img src=\"cid:logo@x\" alt=\"logo\"></p>\r\n"
            + "--r\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n--r--\r\n";

        var (page, _) = await ShowAsync(Encoding.ASCII.GetBytes(message));

        var image = Parse(page).QuerySelector("#messageBody img")!;
        Assert.Matches(@"^/Session/[^/]+/MIME/\d+/02/part-02\.png\?Mailbox=INBOX$", image.GetAttribute("src"));
    }

    [Fact]
    public async Task MarkupInHeaderFieldsIsText()
    {
        var (message, _) = await ShowAsync(TestData.Bytes("messages", "hostile", "header-markup.eml"));

        Assert.Contains("<script>window.__pwned = 11</script> \"quoted\" & 'single'", Parse(message).QuerySelector("#messageBody")!.TextContent);
    }

    [Fact]
    public async Task AMessageWithHugeHeadersRenders()
    {
        var text = new StringBuilder("From: a@example.org\r\nSubject: " + new string('S', 200_000) + "\r\n");
        for (var i = 0; i < 5000; i++)
            text.Append("X-Junk-").Append(i).Append(": ").Append(new string('j', 100)).Append("\r\n");
        text.Append("\r\nBody after a huge header.\r\n");

        var (message, mailbox) = await ShowAsync(Encoding.ASCII.GetBytes(text.ToString()));

        AssertSafe(message, "#messageBody");
        Assert.True(message.Length < 100_000, $"the page is {message.Length} characters");
        Assert.Contains("…", mailbox);
    }

    [Fact]
    public async Task DeeplyNestedMultipartsRenderWithoutFailing()
    {
        var text = new StringBuilder("From: a@example.org\r\nSubject: Deep\r\nMIME-Version: 1.0\r\n");
        const int depth = 300;
        for (var i = 0; i < depth; i++)
            text.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\r\n\r\n--b").Append(i).Append("\r\n");
        text.Append("Content-Type: text/plain\r\n\r\nThe bottom.\r\n");
        for (var i = depth - 1; i >= 0; i--)
            text.Append("--b").Append(i).Append("--\r\n");

        var (message, _) = await ShowAsync(Encoding.ASCII.GetBytes(text.ToString()));

        AssertSafe(message, "#messageBody");
    }

    [Fact]
    public async Task AnHtmlOrSvgPartIsOnlyEverSentAsAnAttachmentInASandbox()
    {
        var uid = await AppendAsync(TestData.Bytes("messages", "hostile", "attachment-tricks.eml"));
        using var client = _web.CreateClient();
        var (prefix, _) = await _web.LogInAsync(client, "alice");

        var html = await client.GetAsync($"{prefix}MIME/{uid}/02/page.html?Mailbox=INBOX");
        var svg = await client.GetAsync($"{prefix}MIME/{uid}/03/logo.svg?Mailbox=INBOX");

        foreach (var part in new[] { html, svg })
        {
            Assert.Equal(HttpStatusCode.OK, part.StatusCode);
            Assert.Equal("attachment", part.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Contains("sandbox", part.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", part.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    private async Task<uint> AppendAsync(byte[] message)
    {
        var inbox = await _web.Services.Mailboxes.GetAsync(_account, "INBOX", WebUserTestContext.Ct);
        return (await _web.Provider.GetRequiredService<MessageAppender>().AppendAsync(inbox, message, MessageFlags.None, [], null, WebUserTestContext.Ct)).Uid;
    }

    private async Task<(string Message, string Mailbox)> ShowAsync(byte[] content)
    {
        var uid = await AppendAsync(content);
        using var client = _web.CreateClient();
        var (prefix, _) = await _web.LogInAsync(client, "alice");
        var message = await client.GetAsync($"{prefix}Message.wssp?Mailbox=INBOX&MSG={uid}");
        var mailbox = await client.GetAsync($"{prefix}Mailbox.wssp?Mailbox=INBOX");
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mailbox.StatusCode);
        return (await message.Content.ReadAsStringAsync(), await mailbox.Content.ReadAsStringAsync());
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>No active or remote element, no event handler, no script URL, no style that leaves the message area.</summary>
    private static void AssertSafe(string page, string container)
    {
        var document = Parse(page);
        Assert.Empty(document.QuerySelectorAll("script"));
        var area = document.QuerySelector(container);
        Assert.NotNull(area);
        // Form controls of a message could pose as the page's own (a password field).
        Assert.Empty(area.QuerySelectorAll(".postern-message input, .postern-message textarea, .postern-message select"));
        foreach (var element in area.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, s_forbiddenElements);
            if (element.LocalName == "style")
            {
                // The sanitiser's one scoped sheet: every rule inside the message's container, nothing fixed or loaded.
                var css = element.TextContent.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
                Assert.DoesNotContain("position:fixed", css);
                Assert.DoesNotContain("@import", css);
                Assert.DoesNotContain("url(http", css);
                Assert.DoesNotContain("javascript:", css);
            }
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} has {attribute.Name}");
                var value = attribute.Value.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
                Assert.DoesNotContain("javascript:", value);
                if (attribute.Name is "src" or "href" or "background" or "poster")
                    Assert.False(value.StartsWith("http:", StringComparison.Ordinal) || value.StartsWith("https:", StringComparison.Ordinal) || value.StartsWith("//", StringComparison.Ordinal),
                        $"{element.LocalName} {attribute.Name}={attribute.Value} reaches outside without consent");
                if (attribute.Name == "style")
                    Assert.DoesNotContain("position:fixed", value);
            }
        }
    }
}
