using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Postern.Server.Tests.Ximss;

/// <summary>
/// HTTP logins by session id (<c>sessionid</c>, <c>killOld</c>) and as a guest (<c>loginAsGuest</c>): the variants
/// clients send besides the password.
/// </summary>
public partial class XimssSessionHandoffTests(XimssServerFixture server) : IClassFixture<XimssServerFixture>, IDisposable
{
    private const string Refused = "<XIMSS><response errorText=\"incorrect password or account name\" errorNum=\"515\"/></XIMSS>";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ALiveSessionsIdStandsInForThePasswordAndKillOldEndsThatSession()
    {
        var first = await LoginAsync(_http, "userName=postmaster&password=secret");

        var second = await LoginAsync(_http, $"userName=postmaster&sessionid={first}");
        Assert.Equal(HttpStatusCode.OK, await NoopAsync(first));
        var third = await LoginAsync(_http, $"userName=postmaster@example.com&sessionid={second}&killOld=1");

        Assert.Equal((HttpStatusCode)550, await NoopAsync(second));
        Assert.Equal(HttpStatusCode.OK, await NoopAsync(third));
        Assert.Equal(HttpStatusCode.OK, await NoopAsync(first));
    }

    [Fact]
    public async Task ASessionIdVouchesOnlyForItsOwnAccountFromAnAddressItAdmits()
    {
        await server.CreateAccountAsync("handoff@example.com");
        // Unbound, so only the account check can refuse it from another address.
        var others = await LoginAsync(_http, $"userName=handoff@example.com&password={XimssServerFixture.Password}&DisableIPWatch=1");
        var bound = await LoginAsync(_http, "userName=postmaster&password=secret");
        // Each refusal comes from an address of its own, so the throttle's growing delay stays short.
        using var first = LoopbackHttp.ClientFrom("127.0.0.41");
        using var second = LoopbackHttp.ClientFrom("127.0.0.42");
        using var third = LoopbackHttp.ClientFrom("127.0.0.43");

        Assert.Equal(Refused, await BodyAsync(first, $"userName=postmaster&sessionid={others}"));
        Assert.Equal(Refused, await BodyAsync(second, $"userName=postmaster&sessionid={bound}"));
        Assert.Equal(Refused, await BodyAsync(third, "userName=postmaster&sessionid=1-AAAAAAAAAAAAAAAAAAAA"));
        Assert.Equal(HttpStatusCode.OK, await NoopAsync(bound));
    }

    [Fact]
    public async Task GuestLoginsAreRefusedWithAnXmlError()
    {
        Assert.Equal("<XIMSS><response errorText=\"guest logins are not allowed\" errorNum=\"565\"/></XIMSS>", await BodyAsync(_http, "loginAsGuest=1"));
    }

    private async Task<string> BodyAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"{server.HttpBase}/ximsslogin/?{query}")).Content.ReadAsStringAsync();

    private async Task<string> LoginAsync(HttpClient client, string query)
    {
        var body = await BodyAsync(client, query);
        var match = SessionMessage().Match(body);
        Assert.True(match.Success, body);
        return match.Groups[1].Value;
    }

    private async Task<HttpStatusCode> NoopAsync(string session) =>
        (await _http.PostAsync($"{server.HttpBase}/Session/{session}/sync", new StringContent("<XIMSS><noop id=\"n\"/></XIMSS>", Encoding.UTF8, "text/xml"))).StatusCode;

    [GeneratedRegex("<session urlID=\"([^\"]+)\"")]
    private static partial Regex SessionMessage();
}
