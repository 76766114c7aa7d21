using System.Diagnostics;
using System.Net;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>A server with small limits, so that each can be reached.</summary>
public sealed class SmallLimitsServerFixture : XimssServerFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["POSTERN_XIMSS__LIMITS__MAX_CHANNELS"] = "4",
        ["POSTERN_XIMSS__LIMITS__MAX_CHANNELS_PER_ADDRESS"] = "2",
        ["POSTERN_XIMSS__LIMITS__PRE_LOGIN_IDLE_TIMEOUT"] = "00:00:01",
        ["POSTERN_XIMSS__LIMITS__MIN_IDLE_TIMEOUT"] = "00:00:01",
        ["POSTERN_ACCOUNTS__LOGIN_THROTTLE__FAILURE_DELAY"] = "00:00:00.200",
        ["POSTERN_ACCOUNTS__LOGIN_THROTTLE__MAX_FAILURE_DELAY"] = "00:00:00.400",
        ["POSTERN_ACCOUNTS__LOGIN_THROTTLE__MAX_FAILURES"] = "3",
        ["POSTERN_SESSIONS__EXPIRY_SCAN_INTERVAL"] = "00:00:00.200",
    };
}

/// <summary>Channel limits, the login throttle and idle timeouts against the real server.</summary>
public class XimssLimitsTests(SmallLimitsServerFixture server) : IClassFixture<SmallLimitsServerFixture>
{
    [Fact]
    public async Task BeyondThePerAddressLimitAConnectionIsRefusedWithAnErrorAndClosed()
    {
        await using var first = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.11");
        await using var second = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.11");
        // Logged in, so the short pre-login idle timeout of this server cannot close them meanwhile.
        await first.LoginAsync();
        await second.LoginAsync();

        await using var third = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.11");
        await using var elsewhere = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.12");

        Assert.Equal(["<response errorText=\"too many connections from this address; try again later\" errorNum=\"592\"/>"], await third.ReadUntilClosedAsync());
        Assert.Equal(["<response id=\"3\"/>"], await elsewhere.RequestAsync("3", "<noop id=\"3\"/>"));
    }

    [Fact]
    public async Task BeyondTheServerLimitAConnectionIsRefusedAndTheClientMayRetryLater()
    {
        var open = new List<XimssTcpClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var client = await XimssTcpClient.ConnectAsync(server.XimssPort, $"127.0.0.{20 + i}");
                open.Add(client);
                await client.LoginAsync();
            }

            await using (var refused = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.30"))
                Assert.Equal(["<response errorText=\"too many connections; try again later\" errorNum=\"591\"/>"], await refused.ReadUntilClosedAsync());

            await open[0].SendAsync("<bye id=\"b\"/>");
            await open[0].ReadUntilClosedAsync();
            await using var retry = await RetryUntilAdmittedAsync("127.0.0.30");
            Assert.Equal(["<response id=\"r\"/>"], await retry.RequestAsync("r", "<noop id=\"r\"/>"));
        }
        finally
        {
            foreach (var client in open)
                await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task FailedLoginsAreAnsweredMoreSlowlyAndThenLockTheAddressOut()
    {
        await using var client = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.40");
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var reply = await client.RequestAsync("l", "<login id=\"l\" authData=\"postmaster\" password=\"wrong\"/>");
            delays.Add(watch.Elapsed);
            Assert.Equal(["<response id=\"l\" errorText=\"incorrect password or account name\" errorNum=\"515\"/>"], reply);
        }

        var locked = await client.RequestAsync("l", "<login id=\"l\" authData=\"postmaster\" password=\"secret\"/>");

        Assert.True(delays[0] >= TimeSpan.FromMilliseconds(190), $"first delay {delays[0]}");
        Assert.True(delays[1] >= TimeSpan.FromMilliseconds(390), $"second delay {delays[1]}");
        Assert.Equal(["<response id=\"l\" errorText=\"too many failed login attempts; try again later\" errorNum=\"519\"/>"], locked);
        await using var other = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.41");
        await other.LoginAsync();
    }

    [Fact]
    public async Task AChannelSilentBeforeLoginIsClosedWithBye()
    {
        await using var client = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.50");

        Assert.Equal(["<bye/>"], await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task ASessionIdleBeyondTheTimeoutItSetEndsWithByeAndItsHttpUrlsAnswer550()
    {
        await using var client = await XimssTcpClient.ConnectAsync(server.XimssPort, "127.0.0.60");
        var session = await client.LoginAsync();
        await client.RequestAsync("o", "<setSessionOption id=\"o\" name=\"idleTimeout\" value=\"1\"/>");

        Assert.Equal(["<bye/>"], await client.ReadUntilClosedAsync());
        using var http = new HttpClient();
        Assert.Equal((HttpStatusCode)550, (await http.GetAsync($"{server.HttpBase}/Session/{session}/get")).StatusCode);
    }

    [Fact]
    public async Task AnHttpSessionUnusedBeyondItsIdleTimeoutEndsButAPollNeverOutlivesIt()
    {
        using var http = new HttpClient();
        var login = await http.GetStringAsync($"{server.HttpBase}/ximsslogin/?userName=postmaster&password=secret");
        var session = System.Text.RegularExpressions.Regex.Match(login, "urlID=\"([^\"]+)\"").Groups[1].Value;
        await http.PostAsync($"{server.HttpBase}/Session/{session}/sync", new StringContent("<XIMSS><setSessionOption id=\"o\" name=\"idleTimeout\" value=\"1\"/></XIMSS>"));

        var watch = Stopwatch.StartNew();
        var poll = await http.GetAsync($"{server.HttpBase}/Session/{session}/get?ackSeq=0&maxWait=60");
        Assert.Equal("<XIMSS/>", await poll.Content.ReadAsStringAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the poll waited {watch.Elapsed}");

        // Nothing uses the session now; the monitor (which does not touch sessions) shows when it is gone.
        while (await HttpSessionsAsync(http) > 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the session never expired");
            await Task.Delay(100);
        }
        Assert.Equal((HttpStatusCode)550, (await http.GetAsync($"{server.HttpBase}/Session/{session}/get?maxWait=0")).StatusCode);
    }

    private async Task<int> HttpSessionsAsync(HttpClient http)
    {
        using var monitor = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"{server.HttpBase}/postern/monitor/ximss"));
        return monitor.RootElement.GetProperty("sessions").EnumerateArray().Count(row => row.GetProperty("transport").GetString() == "HTTP");
    }

    private async Task<XimssTcpClient> RetryUntilAdmittedAsync(string from)
    {
        // The server releases the closed channel's place as its loop ends; a client retries as the error says.
        for (var attempt = 0; ; attempt++)
        {
            var client = await XimssTcpClient.ConnectAsync(server.XimssPort, from);
            await client.SendAsync("<noop id=\"probe\"/>");
            var first = await client.ReceiveAsync();
            if (first == "<response id=\"probe\"/>")
                return client;
            await client.DisposeAsync();
            Assert.True(attempt < 100, "never admitted");
            await Task.Yield();
        }
    }
}
