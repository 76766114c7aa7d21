using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Postern.WebUser.Tests;

/// <summary><c>/auth/</c>: logins by the HTTP <c>Authorization</c> header, with the 401 error pages.</summary>
public class AuthenticatedRealmTests : IAsyncLifetime
{
    private readonly WebUserTestContext _web = new();

    public Task InitializeAsync() => _web.InitializeAsync();

    public Task DisposeAsync() => _web.DisposeAsync();

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    [Fact]
    public async Task WithoutCredentialsTheRealmAsksForThemWithTheUnauthorizedPage()
    {
        using var client = _web.CreateClient();

        var response = await client.GetAsync("/auth/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"example.com\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("id=\"error-unauthorized\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RefusedCredentialsGetTheDeniedPageAndAreCountedByTheLoginThrottle()
    {
        await _web.CreateAccountAsync("alice");
        using var client = _web.CreateClient("192.0.2.77");
        client.DefaultRequestHeaders.Authorization = Basic("alice", "wrong");

        var response = await client.GetAsync("/auth/default.html");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic realm=", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("id=\"error-denied\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, _web.Services.LoginThrottle.TrackedAddresses);
    }

    [Fact]
    public async Task RightCredentialsOpenASessionAndJumpToTheStartPage()
    {
        await _web.CreateAccountAsync("alice");
        using var client = _web.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("alice", WebUserTestContext.Password);

        var response = await client.GetAsync("/auth/");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Matches("^/Session/[^/]+/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task CgplApplicationsAreNotImplementedAndOtherNamesAreNotFound()
    {
        using var client = _web.CreateClient();

        var program = await client.GetAsync("/auth/calendar.wcgp/today");
        var other = await client.GetAsync("/auth/elsewhere.html");

        Assert.Equal(HttpStatusCode.NotImplemented, program.StatusCode);
        Assert.Contains("CG/PL applications are not supported", await program.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
