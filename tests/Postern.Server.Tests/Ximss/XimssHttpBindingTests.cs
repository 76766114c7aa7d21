using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Postern.Ximss.Protocol.Sasl;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>The HTTP binding against the real server: the seed's examples as transcripts, and the variants clients use.</summary>
public partial class XimssHttpBindingTests(XimssServerFixture server) : IClassFixture<XimssServerFixture>, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("seed-prelogin.txt")]
    [InlineData("seed-login-sync.txt")]
    [InlineData("seed-async-polling.txt")]
    [InlineData("seed-two-connections.txt")]
    [InlineData("seed-ack-resend.txt")]
    [InlineData("samoware-startup.txt")]
    public async Task TheSeedExamplesPlayAsWritten(string transcript)
    {
        using var player = new HttpTranscript(server);

        await player.PlayAsync(transcript);
    }

    [Theory]
    [InlineData("/ximsslogin/?userName=postmaster&password=secret")]
    [InlineData("/XIMSSLogin/?errorAsXML=1&username=postmaster@example.com&password=secret")]
    [InlineData("/ximssLogin?USERNAME=postmaster&password=secret&version=6.1")]
    public async Task LoginUrlsWorkInAnyCaseWithEitherSpellingOfTheUserName(string url)
    {
        Assert.NotNull(await SessionOfAsync(await _http.GetAsync(server.HttpBase + url)));
    }

    [Fact]
    public async Task ALoginPostedAsAFormWorks()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "postmaster", ["password"] = "secret" });

        Assert.NotNull(await SessionOfAsync(await _http.PostAsync(server.HttpBase + "/ximsslogin/", form)));
    }

    [Fact]
    public async Task WrongCredentialsGetAnXmlErrorAndNoSession()
    {
        var response = await _http.GetAsync(server.HttpBase + "/ximsslogin/?userName=postmaster&password=wrong");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<XIMSS><response errorText=\"incorrect password or account name\" errorNum=\"515\"/></XIMSS>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BasicAuthenticationLogsInOnEitherLoginUrl()
    {
        foreach (var path in new[] { "/ximsslogin/", "/auth/ximsslogin/" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpBase + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("postmaster:secret")));
            Assert.NotNull(await SessionOfAsync(await _http.SendAsync(request)));
        }
    }

    [Theory]
    [InlineData("/auth/ximsslogin/", null)]
    [InlineData("/auth/ximsslogin/", "postmaster:wrong")]
    [InlineData("/auth/ximsslogin/?userName=postmaster&password=secret", null)]
    [InlineData("/ximsslogin/", null)]
    public async Task HttpAuthenticationWithoutGoodCredentialsAsksForThem(string path, string? credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.HttpBase + path);
        if (credentials is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task CramMd5OverTheNonceOfListFeaturesLogsInOnceOnly()
    {
        var features = await (await _http.PostAsync(server.HttpBase + "/XIMSSLogin/?errorAsXML=1",
            new StringContent("<XIMSS><listFeatures id=\"list\"/></XIMSS>", Encoding.UTF8, "text/xml"))).Content.ReadAsStringAsync();
        var nonce = Regex.Match(features, "<nonce>([0-9A-F]+)</nonce>").Groups[1].Value;
        var authData = Convert.ToBase64String(Encoding.ASCII.GetBytes(CramMd5Credentials.ComputeDigest("secret", nonce)));
        var url = $"{server.HttpBase}/XIMSSLogin/?userName=postmaster&nonce={nonce}&authData={Uri.EscapeDataString(authData)}";

        Assert.NotNull(await SessionOfAsync(await _http.GetAsync(url)));
        Assert.Contains("errorNum=\"515\"", await (await _http.GetAsync(url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PreLoginBodiesRunSignupAndRecoveryButNoLogin()
    {
        await server.SetDomainSettingAsync("example.com", "AutoSignup", "YES");
        var body = "<XIMSS><signup id=\"s\" userName=\"newcomer\" password=\"pw\" realName=\"New Comer\"/>"
            + "<recoverPassword id='0' domain='example.com' userName='newcomer'/><login id=\"l\" authData=\"newcomer\" password=\"pw\"/></XIMSS>";

        var reply = await (await _http.PostAsync(server.HttpBase + "/ximsslogin/", new StringContent(body, Encoding.UTF8, "text/xml"))).Content.ReadAsStringAsync();

        // recoverPassword answers OK (a reset link goes out only to a recovery address, which newcomer has none of).
        Assert.Equal("<XIMSS><response id=\"s\"/><response id=\"0\"/>"
            + "<response id=\"l\" errorText=\"operation is not available on this channel\" errorNum=\"518\"/></XIMSS>", reply);
        Assert.NotNull(await SessionOfAsync(await _http.GetAsync(server.HttpBase + "/ximsslogin/?userName=newcomer&password=pw")));
    }

    [Fact]
    public async Task SyncAsyncAppendsPendingAsynchronousMessagesToTheReply()
    {
        var session = await LoginAsync();
        await _http.PostAsync($"{server.HttpBase}/Session/{session}/async", Xml("<XIMSS><noop id=\"a1\"/></XIMSS>"));

        var reply = await (await _http.PostAsync($"{server.HttpBase}/Session/{session}/sync?syncAsync=1", Xml("<XIMSS><noop id=\"s1\"/></XIMSS>")))
            .Content.ReadAsStringAsync();

        Assert.Equal("<XIMSS><response id=\"s1\"/><response id=\"a1\"/></XIMSS>", reply);
    }

    [Fact]
    public async Task ALongPollOnTheBareSessionUrlIsAnsweredWhenAMessageArrives()
    {
        var session = await LoginAsync();
        var poll = _http.GetAsync($"{server.HttpBase}/Session/{session}/?ackSeq=0&maxWait=20&random=1");

        await _http.PostAsync($"{server.HttpBase}/Session/{session}/async", Xml("<XIMSS><noop id=\"a1\"/></XIMSS>"));

        Assert.Equal("<XIMSS respSeq=\"1\"><response id=\"a1\"/></XIMSS>", await (await poll).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANewerPollReplacesTheParkedOne()
    {
        var session = await LoginAsync();
        var first = _http.GetAsync($"{server.HttpBase}/Session/{session}/get?ackSeq=0&maxWait=60");
        // The second poll is sent only once the first is parked: a sync request of the same session is answered after it.
        await _http.PostAsync($"{server.HttpBase}/Session/{session}/sync", Xml("<XIMSS><noop id=\"n\"/></XIMSS>"));

        var second = _http.GetAsync($"{server.HttpBase}/Session/{session}/get?ackSeq=0&maxWait=60");

        Assert.Equal("<XIMSS/>", await (await first).Content.ReadAsStringAsync());
        await _http.GetAsync($"{server.HttpBase}/Session/{session}/KILL");
        Assert.Equal((HttpStatusCode)550, (await second).StatusCode);
    }

    [Fact]
    public async Task KillEndsTheSessionAndItsUrlsAnswer550()
    {
        var session = await LoginAsync();

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"{server.HttpBase}/Session/{session}/KILL")).StatusCode);

        Assert.Equal((HttpStatusCode)550, (await _http.PostAsync($"{server.HttpBase}/Session/{session}/sync", Xml("<XIMSS><noop id=\"n\"/></XIMSS>"))).StatusCode);
        Assert.Equal((HttpStatusCode)550, (await _http.GetAsync($"{server.HttpBase}/Session/{session}/get")).StatusCode);
    }

    [Theory]
    [InlineData("/Session/1-AAAAAAAAAAAAAAAAAAAA/sync")]
    [InlineData("/Session/not-a-session/get")]
    [InlineData("/Session/42")]
    public async Task UnknownSessionsAnswer550(string path)
    {
        Assert.Equal((HttpStatusCode)550, (await _http.GetAsync(server.HttpBase + path)).StatusCode);
    }

    [Fact]
    public async Task ByeInASyncBatchEndsTheSession()
    {
        var session = await LoginAsync();

        var reply = await (await _http.PostAsync($"{server.HttpBase}/Session/{session}/sync", Xml("<XIMSS><noop id=\"1\"/><bye id=\"2\"/></XIMSS>"))).Content.ReadAsStringAsync();

        Assert.Equal("<XIMSS><response id=\"1\"/><response id=\"2\"/></XIMSS>", reply);
        Assert.Equal((HttpStatusCode)550, (await _http.GetAsync($"{server.HttpBase}/Session/{session}/get?maxWait=0")).StatusCode);
    }

    [Fact]
    public async Task ASessionIsBoundToItsClientAddressUnlessTheClientAsksOtherwise()
    {
        var bound = await LoginAsync();
        var unbound = await LoginAsync("&DisableIPWatch=1");
        using var elsewhere = LoopbackHttp.ClientFrom("127.0.0.2");

        Assert.Equal((HttpStatusCode)550, (await elsewhere.PostAsync($"{server.HttpBase}/Session/{bound}/sync", Xml("<XIMSS><noop id=\"1\"/></XIMSS>"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.PostAsync($"{server.HttpBase}/Session/{unbound}/sync", Xml("<XIMSS><noop id=\"1\"/></XIMSS>"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"{server.HttpBase}/Session/{bound}/sync", Xml("<XIMSS><noop id=\"1\"/></XIMSS>"))).StatusCode);
    }

    [Fact]
    public async Task ATcpSessionAcceptsSyncPostsButHasNoPollQueue()
    {
        await using var client = await XimssTcpClient.ConnectAsync(server.XimssPort);
        var session = await client.LoginAsync();

        var sync = await (await _http.PostAsync($"{server.HttpBase}/Session/{session}/sync", Xml("<XIMSS><noop id=\"h\"/></XIMSS>"))).Content.ReadAsStringAsync();
        var poll = await _http.GetAsync($"{server.HttpBase}/Session/{session}/get?maxWait=0");

        Assert.Equal("<XIMSS><response id=\"h\"/></XIMSS>", sync);
        Assert.Equal(HttpStatusCode.Conflict, poll.StatusCode);
    }

    [Fact]
    public async Task MalformedBodiesAreXmlErrors()
    {
        var session = await LoginAsync();

        var reply = await (await _http.PostAsync($"{server.HttpBase}/Session/{session}/sync", Xml("<notXimss/>"))).Content.ReadAsStringAsync();

        Assert.Equal("<XIMSS><response errorText=\"XML syntax error: the body must be one &lt;XIMSS> element, not &lt;notXimss>\" errorNum=\"501\"/></XIMSS>", reply);
    }

    private static StringContent Xml(string body) => new(body, Encoding.UTF8, "text/xml");

    private async Task<string> LoginAsync(string extra = "")
    {
        var session = await SessionOfAsync(await _http.GetAsync($"{server.HttpBase}/ximsslogin/?userName=postmaster&password=secret{extra}"));
        Assert.NotNull(session);
        return session;
    }

    private static async Task<string?> SessionOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var match = SessionMessage().Match(body);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("^<XIMSS><session urlID=\"([^\"]+)\" userName=\"[^\"]+\"[^>]*/></XIMSS>$")]
    private static partial Regex SessionMessage();
}
