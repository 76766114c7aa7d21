using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Postern.Server.Tests.EndToEnd;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>
/// Plays an HTTP-binding transcript from TestData/Ximss against the running server.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>Cn: METHOD /path</c> sends a request on client n (each client its own connection) without
/// waiting; indented lines after it are its body.</item>
/// <item><c>Sn: status [body]</c> waits for client n's reply and compares it; indented lines continue the
/// body. Whitespace between tags and before <c>/&gt;</c> is ignored; <c>{session}</c> is the session id
/// the first <c>session</c> reply named, <c>{time}</c> a XIMSS time, <c>{nonce}</c> a nonce, <c>{n}</c> a number, <c>{*}</c> anything.</item>
/// <item><c>Pn: message</c> long-polls on client n the way Samoware does (<c>GET /Session/{session}/?ackSeq=…&amp;maxWait=20&amp;random=…</c>,
/// acknowledging what came before) until an asynchronous message like this one has come. Other asynchronous
/// messages are kept for later <c>P</c> steps, so their order among themselves does not matter.</item>
/// <item><c>Wn: …</c> checks that client n's reply has not come yet, after a request on another
/// connection has been answered.</item>
/// <item><c>!alert account text</c> posts an alert to the account.</item>
/// <item><c>!deliver address file</c> delivers the TestData/Ximss file to the address with <c>postern deliver</c>.</item>
/// </list>
/// </remarks>
internal sealed partial class HttpTranscript(XimssServerFixture server) : IDisposable
{
    private readonly Dictionary<int, HttpClient> _clients = [];
    private readonly Dictionary<int, Task<HttpResponseMessage>> _pending = [];
    private readonly List<string> _polled = [];
    private string? _session;
    private long _ackSeq;

    public async Task PlayAsync(string file)
    {
        var lines = TestData.Text("Ximss", file).Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var continuation = new List<string>();
            while (i + 1 < lines.Length && lines[i + 1].StartsWith(' '))
                continuation.Add(lines[++i].Trim());

            if (line.StartsWith("!alert ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 3);
                await server.PostAlertAsync(parts[1], parts[2]);
                continue;
            }
            if (line.StartsWith("!deliver ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 3);
                var delivered = await PosternProcess.RunAsync(server.Data, "deliver", "--to", parts[1], TestData.Path("Ximss", parts[2]));
                Assert.True(delivered.ExitCode == 0, $"{file}: {delivered.Errors}");
                continue;
            }
            var match = Step().Match(line);
            Assert.True(match.Success, $"{file}: cannot read '{line}'");
            var client = int.Parse(match.Groups["client"].Value);
            var text = match.Groups["text"].Value;
            switch (match.Groups["kind"].Value)
            {
                case "C":
                    Assert.False(_pending.ContainsKey(client), $"{file}: client {client} sends while waiting");
                    _pending[client] = SendAsync(client, text, string.Join("\n", continuation));
                    break;
                case "W":
                    // A request of the same session that the server has answered on another connection: a
                    // reply due on client n would have been sent before it.
                    using (var probe = new HttpClient())
                    {
                        var answered = await probe.PostAsync($"{server.HttpBase}/Session/{_session}/sync", new StringContent("<XIMSS><noop id=\"probe\"/></XIMSS>"));
                        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
                    }
                    Assert.False(_pending[client].IsCompleted, $"{file}: client {client} was answered while it should wait");
                    break;
                case "P":
                    await PollForAsync(file, client, string.Join(" ", [text, .. continuation]));
                    break;
                default:
                    await ExpectAsync(file, client, string.Join(" ", [text, .. continuation]));
                    break;
            }
        }
        Assert.Empty(_pending);
    }

    private Task<HttpResponseMessage> SendAsync(int client, string requestLine, string body)
    {
        if (!_clients.TryGetValue(client, out var http))
            _clients[client] = http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var parts = requestLine.Split(' ', 2);
        var request = new HttpRequestMessage(new HttpMethod(parts[0]), server.HttpBase + parts[1].Replace("{session}", _session, StringComparison.Ordinal));
        if (body.Length > 0)
            request.Content = new StringContent(body, Encoding.UTF8, "text/xml");
        return http.SendAsync(request);
    }

    private async Task ExpectAsync(string file, int client, string expected)
    {
        Assert.True(_pending.Remove(client, out var pending), $"{file}: client {client} sent nothing");
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(60));
        var space = expected.IndexOf(' ', StringComparison.Ordinal);
        var status = int.Parse(space < 0 ? expected : expected[..space]);
        var body = space < 0 ? "" : expected[(space + 1)..];
        var actual = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        if (actual.Length > 0)
            Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        if (body.Contains("{session}", StringComparison.Ordinal) && _session is null)
            _session = SessionId().Match(actual).Groups[1].Value;
        Assert.Matches(Pattern(body), Normalize(actual));
    }

    private async Task PollForAsync(string file, int client, string expected)
    {
        var pattern = Pattern(expected);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var index = _polled.FindIndex(m => Regex.IsMatch(m, pattern));
            if (index >= 0)
            {
                _polled.RemoveAt(index);
                return;
            }
            Assert.False(timeout.IsCancellationRequested, $"{file}: client {client} polled in vain for {expected}; got {string.Join(" ", _polled)}");
            using var response = await SendAsync(client, $"GET /Session/{{session}}/?ackSeq={_ackSeq}&maxWait=20&random={Random.Shared.Next()}", "").WaitAsync(timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = Normalize(await response.Content.ReadAsStringAsync(timeout.Token));
            var container = PollReply().Match(body);
            Assert.True(container.Success, $"{file}: not a poll reply: {body}");
            if (container.Groups["seq"].Success)
                _ackSeq = long.Parse(container.Groups["seq"].Value, System.Globalization.CultureInfo.InvariantCulture);
            _polled.AddRange(TopLevelMessage().Matches(container.Groups["messages"].Value).Select(m => m.Value));
        }
    }

    private string Pattern(string expected) => "^" + Regex.Escape(Normalize(expected))
        .Replace(Regex.Escape("{session}"), Regex.Escape(_session ?? ""), StringComparison.Ordinal)
        .Replace(Regex.Escape("{time}"), "\\d{8}T\\d{6}", StringComparison.Ordinal)
        .Replace(Regex.Escape("{nonce}"), "[0-9A-F]{32}", StringComparison.Ordinal)
        .Replace(Regex.Escape("{n}"), "\\d+", StringComparison.Ordinal)
        .Replace(Regex.Escape("{*}"), "[\\s\\S]*?", StringComparison.Ordinal) + "$";

    private static string Normalize(string xml) => Regex.Replace(Regex.Replace(xml.Trim(), ">\\s+<", "><"), "\\s+/>", "/>");

    public void Dispose()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
    }

    [GeneratedRegex("^(?<kind>[CSWP])(?<client>\\d+): ?(?<text>.*)$")]
    private static partial Regex Step();

    [GeneratedRegex("^<XIMSS(?: respSeq=\"(?<seq>\\d+)\")?(?:/>|>(?<messages>.*)</XIMSS>)$")]
    private static partial Regex PollReply();

    /// <summary>One message of a poll reply: an empty element, or one whose end tag is the first of its name (asynchronous messages do not nest their own kind).</summary>
    [GeneratedRegex("<(?<name>[A-Za-z-]+)(?:\"[^\"]*\"|[^>\"])*?(?:/>|>.*?</\\k<name>>)")]
    private static partial Regex TopLevelMessage();

    [GeneratedRegex("urlID=\"([^\"]+)\"")]
    private static partial Regex SessionId();
}
