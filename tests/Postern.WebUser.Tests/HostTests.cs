using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Postern.Skins;

namespace Postern.WebUser.Tests;

/// <summary>Stateless pages, skin files, error pages and redirect pages over HTTP.</summary>
public partial class HostTests : IAsyncLifetime
{
    private readonly WebUserTestContext _web = new();

    public Task InitializeAsync() => _web.InitializeAsync();

    public Task DisposeAsync() => _web.DisposeAsync();

    [Fact]
    public async Task SkinFilesWithTheCurrentVersionAreCachedForAYearAndRevalidate()
    {
        using var client = _web.CreateClient();
        var login = await client.GetStringAsync("/");
        var href = StyleSheet().Match(login).Groups[1].Value;

        var file = await client.GetAsync(href);
        var again = new HttpRequestMessage(HttpMethod.Get, href);
        again.Headers.IfNoneMatch.Add(file.Headers.ETag!);
        var revalidated = await client.SendAsync(again);
        var outdated = await client.GetAsync(href.Replace(href.Split('/')[4], "0000", StringComparison.Ordinal));
        var unversioned = await client.GetAsync("/style.css");

        Assert.Matches(@"^/SkinFiles/example\.com//[0-9a-f]{12}/style\.css$", href);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/css; charset=utf-8", file.Content.Headers.ContentType!.ToString());
        Assert.Equal("public, max-age=31536000, immutable", file.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal("public, max-age=300", outdated.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, unversioned.StatusCode);
    }

    [Theory]
    [InlineData("/strings.data")]
    [InlineData("/pageheader.wssi")]
    [InlineData("/no-such-file.png")]
    [InlineData("/a/b/c.html")]
    public async Task SkinSourcesAndMissingFilesAreNotFound(string path)
    {
        using var client = _web.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("id=\"error-notfound\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AStatelessPageWithoutAComponentGetsTheGenericDataset()
    {
        using var client = _web.CreateClient();

        var page = await client.GetStringAsync("/Disconnected.wssp?Skin=Harbor");

        Assert.Contains("Your session has ended", page);
        Assert.Contains("/SkinFiles/example.com/Harbor/", page);
    }

    [Fact]
    public async Task RedirectAndRelativeRedirectPagesAnswer301()
    {
        var skinDirectory = Path.Combine(_web.DataDirectory, "skins", "server", "_unnamed");
        Directory.CreateDirectory(skinDirectory);
        await File.WriteAllTextAsync(Path.Combine(skinDirectory, "jump.wssp"), "<REDIRECT>https://www.example.org/elsewhere\n");
        await File.WriteAllTextAsync(Path.Combine(skinDirectory, "reljump.wssp"), "<RELREDIRECT>/Session/%%SESSION(ID)%%/Hello.wssp\n");
        _web.Provider.GetRequiredService<SkinCatalog>().Invalidate();
        await _web.CreateAccountAsync("alice");
        using var client = _web.CreateClient();
        var (prefix, session) = await _web.LogInAsync(client, "alice");

        var jump = await client.GetAsync(prefix + "jump.wssp");
        var relative = await client.GetAsync(prefix + "reljump.wssp");

        Assert.Equal(HttpStatusCode.MovedPermanently, jump.StatusCode);
        Assert.Equal("https://www.example.org/elsewhere", jump.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.MovedPermanently, relative.StatusCode);
        Assert.Equal($"http://example.com/Session/{session.Id}/Hello.wssp", relative.Headers.Location!.ToString());
    }

    [Fact]
    public async Task UnsupportedMethodsAndOversizedFormsAreRefused()
    {
        using var client = _web.CreateClient();

        var put = await client.PutAsync("/", new StringContent("x"));
        var huge = await client.PostAsync("/", new StringContent("username=" + new string('a', 5 * 1024 * 1024), null, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("id=\"error-error\"", await huge.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUploadOverTheLimitIsRefusedAndNothingIsSent()
    {
        var account = await _web.CreateAccountAsync("alice");
        using var client = _web.CreateClient();
        var (prefix, session) = await _web.LogInAsync(client, "alice");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(session.FormToken), "FormToken" },
            { new StringContent("1"), "Filled" },
            { new StringContent("alice@example.com"), "To" },
            { new StringContent("1"), "Send" },
            { new ByteArrayContent(new byte[(int)WebUserLimits.Default.MaxUploadBytes + 1]), "Attachment", "big.bin" },
        };

        var response = await client.PostAsync(prefix + "Compose.wssp", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, (await _web.Services.Mailboxes.GetAsync(account, "INBOX", WebUserTestContext.Ct)).MessageCount);
    }

    [GeneratedRegex("href=\"(/SkinFiles/[^\"]+style\\.css)\"")]
    private static partial Regex StyleSheet();
}
