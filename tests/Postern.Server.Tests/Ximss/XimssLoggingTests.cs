using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Postern.Server.Tests.EndToEnd;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>A server logging everything XIMSS and HTTP do (All Info), stopped by the test so its files are complete.</summary>
public sealed class VerboseLoggingServerFixture : XimssServerFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["POSTERN_LOGGING__XIMSS"] = "All Info",
        ["POSTERN_LOGGING__XIMSSI"] = "All Info",
        ["POSTERN_LOGGING__HTTPU"] = "All Info",
    };
}

public partial class XimssLoggingTests(VerboseLoggingServerFixture server) : IClassFixture<VerboseLoggingServerFixture>
{
    private const string Secret = "Pa55-w0rd-XYZZY";

    [Fact]
    public async Task AtAllInfoProtocolTextIsLoggedButNoPasswordSaslPayloadOrSessionSecretEverIs()
    {
        await server.CreateAccountAsync("logged@example.com", Secret);
        var sessions = new List<string>();

        await using (var client = await XimssTcpClient.ConnectAsync(server.XimssPort))
        {
            sessions.Add(await client.LoginAsync("logged@example.com", Secret));
            await client.RequestAsync("pm", $"<passwordModify id=\"pm\" oldPassword=\"{Secret}\" newPassword=\"{Secret}\"/>");
            await client.RequestAsync("b", "<bye id=\"b\"/>");
        }
        var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0logged@example.com\0{Secret}"));
        await using (var client = await XimssTcpClient.ConnectAsync(server.XimssPort))
        {
            var reply = await client.RequestAsync("sasl", $"<authenticate id=\"sasl\" method=\"PLAIN\">{plain}</authenticate>");
            sessions.Add(UrlId().Match(reply[0]).Groups[1].Value);
        }
        using (var http = new HttpClient())
        {
            var body = await http.GetStringAsync($"{server.HttpBase}/ximsslogin/?userName=logged@example.com&password={Secret}");
            var session = UrlId().Match(body).Groups[1].Value;
            sessions.Add(session);
            await http.PostAsync($"{server.HttpBase}/Session/{session}/sync", new StringContent("<XIMSS><noop id=\"http-noop\"/></XIMSS>"));
            using var basic = new HttpRequestMessage(HttpMethod.Get, $"{server.HttpBase}/auth/ximsslogin/");
            basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"logged@example.com:{Secret}")));
            sessions.Add(UrlId().Match(await (await http.SendAsync(basic)).Content.ReadAsStringAsync()).Groups[1].Value);
        }

        server.Server.Signal("INT");
        Assert.Equal(0, await server.Server.WaitForExitAsync(PosternProcess.StartTimeout));
        var console = string.Join('\n', server.Server.Output);
        var files = string.Concat(Directory.GetFiles(Path.Combine(server.Data, "SystemLogs")).Select(File.ReadAllText));

        foreach (var log in new[] { console, files })
        {
            Assert.DoesNotContain(Secret, log, StringComparison.Ordinal);
            Assert.DoesNotContain(plain, log, StringComparison.Ordinal);
            foreach (var session in sessions)
            {
                Assert.False(string.IsNullOrEmpty(session));
                Assert.DoesNotContain(session, log, StringComparison.Ordinal);
            }
            Assert.Matches(@"\d XIMSSI \[127\.0\.0\.1\] channel \d+ inp: LoginRequest \{ Id = login, AuthData = logged@example.com, Password = \(hidden\) \}", log);
            Assert.Matches(@"\d XIMSS-\d{5} inp: PasswordModifyRequest \{ Id = pm, OldPassword = \(hidden\), NewPassword = \(hidden\)", log);
            Assert.Matches(@"5 XIMSS-\d{5} out: <session id=""login"" urlID=""\d+-\w{4}…"" userName=""logged@example.com""", log);
            Assert.Matches(@"4 XIMSS-\d{5} inp: NoopRequest \{ Id = http-noop \}", log);
            Assert.Matches(@"2 XIMSS-\d{5} \[127\.0\.0\.1\] logged@example.com logged in over HTTP, session \d+-\w{4}…", log);
        }
    }

    [GeneratedRegex("urlID=\"([^\"]+)\"")]
    private static partial Regex UrlId();
}

public class XimssDefaultLoggingTests(XimssServerFixture server) : IClassFixture<XimssServerFixture>
{
    [Fact]
    public async Task AtTheDefaultLevelLoginsAndFailuresAreLoggedButNoProtocolText()
    {
        await using var client = await XimssTcpClient.ConnectAsync(server.XimssPort);
        await client.RequestAsync("bad", "<login id=\"bad\" authData=\"postmaster\" password=\"wrong\"/>");
        await client.LoginAsync();
        await client.RequestAsync("b", "<bye id=\"b\"/>");

        var output = await WaitForLineAsync(line => line.EndsWith(" session ended: Logout", StringComparison.Ordinal));

        Assert.Contains(output, line => Regex.IsMatch(line, @" 3 XIMSSI \[127\.0\.0\.1\] login as postmaster failed \(WrongPassword\); answered after \d+ ms$"));
        Assert.Contains(output, line => Regex.IsMatch(line, @" 2 XIMSS-\d{5} \[127\.0\.0\.1\] postmaster@example.com logged in over TCP"));
        Assert.DoesNotContain(output, line => line.Contains(" inp: ", StringComparison.Ordinal) || line.Contains(" out: ", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> WaitForLineAsync(Func<string, bool> wanted)
    {
        while (!server.Server.Output.Any(wanted))
            Assert.NotNull(await server.Server.ReadLineAsync(TimeSpan.FromSeconds(30)));
        return server.Server.Output;
    }
}
