using System.Net;
using System.Text.RegularExpressions;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>
/// XIMSS and the WebUser login share one login throttle: failures over one protocol count for the other,
/// so switching protocols does not buy an attacker more guesses.
/// </summary>
public class SharedLoginProtectionTests(SmallLimitsServerFixture server) : IClassFixture<SmallLimitsServerFixture>
{
    [Fact]
    public async Task XimssFailuresLockTheAddressOutOfTheWebUserLogin()
    {
        await using (var ximss = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.70"))
        {
            for (var i = 0; i < 3; i++)
                await ximss.RequestAsync("l", "<login id=\"l\" authData=\"postmaster\" password=\"wrong\"/>");
        }
        using var browser = LoopbackHttp.ClientFrom("127.0.0.70");

        var page = await WebLoginAsync(browser, XimssServerFixture.Password);

        // Locked out: the right password is not even checked, and the page says only that.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Too many failed logins", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var elsewhere = LoopbackHttp.ClientFrom("127.0.0.71");
        Assert.Equal(HttpStatusCode.Found, (await WebLoginAsync(elsewhere, XimssServerFixture.Password)).StatusCode);
    }

    [Fact]
    public async Task WebUserFailuresLockTheAddressOutOfXimss()
    {
        using var browser = LoopbackHttp.ClientFrom("127.0.0.72");
        for (var i = 0; i < 3; i++)
        {
            var failed = await WebLoginAsync(browser, "wrong");
            Assert.Matches(new Regex("id=\"errorCode\""), await failed.Content.ReadAsStringAsync());
        }

        await using var ximss = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.72");
        var reply = await ximss.RequestAsync("l", $"<login id=\"l\" authData=\"postmaster\" password=\"{XimssServerFixture.Password}\"/>");

        Assert.Equal(["<response id=\"l\" errorText=\"too many failed login attempts; try again later\" errorNum=\"519\"/>"], reply);
    }

    private Task<HttpResponseMessage> WebLoginAsync(HttpClient client, string password) =>
        client.PostAsync($"{server.HttpBase}/", new FormUrlEncodedContent([new("username", "postmaster"), new("password", password)]));
}
