using System.Net;

namespace Postern.WebUser.LoadDriver;

/// <summary>One browser-like client: its own cookies and connection, logged in to its own session.</summary>
internal sealed class WebUserClient : IDisposable
{
    private readonly HttpClient _http;

    private WebUserClient(HttpClient http, string realm)
    {
        _http = http;
        Realm = realm;
    }

    /// <summary>The session realm, <c>http://host:port/Session/&lt;id&gt;/</c>.</summary>
    public string Realm { get; }

    public static async Task<WebUserClient> LogInAsync(string baseUrl, string user, string password)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1 };
        var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var response = await http.PostAsync("/", new FormUrlEncodedContent([new("username", user), new("password", password)]));
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location is not { } location)
            throw new InvalidOperationException($"login failed: {(int)response.StatusCode}");
        var start = location.ToString();
        return new WebUserClient(http, baseUrl + start[..(start.LastIndexOf('/') + 1)]);
    }

    /// <summary>Gets a page of the session and checks it is what was asked for.</summary>
    public async Task<int> GetAsync(string page, string expected)
    {
        using var response = await _http.GetAsync(Realm + page, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expected, StringComparison.Ordinal))
            throw new InvalidOperationException($"{page} answered {(int)response.StatusCode} without {expected}");
        return body.Length;
    }

    public void Dispose() => _http.Dispose();
}
