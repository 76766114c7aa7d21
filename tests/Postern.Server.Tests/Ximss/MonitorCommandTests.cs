using System.Net;
using System.Text.Json;
using Postern.Server.Tests.EndToEnd;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

public class MonitorCommandTests(XimssServerFixture server) : IClassFixture<XimssServerFixture>
{
    [Fact]
    public async Task TheMonitorListsChannelsAndSessionsWithCommuniGatesColumns()
    {
        await using var loggedIn = await XimssTcpClient.ConnectAsync(server.XimssPort);
        await loggedIn.LoginAsync();
        await loggedIn.RequestAsync("c", "<setClientName id=\"c\" name=\"TestClient\"/>");
        await using var anonymous = await XimssTcpClient.ConnectAsync(server.XimssPort);
        await anonymous.RequestAsync("n", "<noop id=\"n\"/>");

        var result = await PosternProcess.RunAsync(server.Data, "monitor", "ximss");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Matches(@"^channels \d+, sessions \d+, logins \d+ \(\d+ failed\), \d+ operations \([\d.]+/s\), \d+ connections refused$", lines[0]);
        Assert.Matches(@"^ID\s+IP ADDRESS\s+ACCOUNT\s+VIA\s+CONNECTED\s+STATUS\s+RUNNING\s+CLIENT$", lines[1]);
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\d+\s+\[127\.0\.0\.1\]\s+postmaster@example\.com\s+TCP\s+\d+sec\s+waiting\s+TestClient$"));
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s+\[127\.0\.0\.1\]\s+TCP\s+\d+sec\s+authenticating$"));
    }

    [Fact]
    public async Task TheJsonFormHasTheCountersAndOneRowPerSession()
    {
        using var http = new HttpClient();
        await http.GetStringAsync($"{server.HttpBase}/ximsslogin/?userName=postmaster&password=secret");

        var result = await PosternProcess.RunAsync(server.Data, "monitor", "ximss", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.True(json.RootElement.GetProperty("counters").GetProperty("logins").GetInt64() >= 1);
        Assert.Contains(json.RootElement.GetProperty("sessions").EnumerateArray(),
            row => row.GetProperty("transport").GetString() == "HTTP" && row.GetProperty("account").GetString() == "postmaster@example.com");
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("::1", "::1", true)]
    [InlineData("192.0.2.10", "192.0.2.10", true)]
    [InlineData("192.0.2.99", "192.0.2.10", false)]
    public void TheMonitorEndpointAnswersOnlyClientsOnThisHost(string remote, string local, bool answered)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Connection.LocalIpAddress = IPAddress.Parse(local);

        Assert.Equal(answered, Postern.Server.Hosting.Ximss.XimssModule.IsLocal(context.Connection));
    }

    [Fact]
    public async Task WithoutARunningServerTheMonitorSaysSo()
    {
        using var directory = new Postern.Testing.TemporaryDirectory();

        var result = await PosternProcess.RunAsync(directory.Path, "monitor", "ximss");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no server with an HTTP listener is running", result.Errors);
    }
}
