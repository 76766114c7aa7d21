using System.Diagnostics;
using Postern.WebUser.LoadDriver;

// The WebUser load driver: a self-hosted server with a large mailbox, many concurrent sessions
// reading mailbox pages, and a few reading a 1 MB multipart message. Figures go to docs/performance.md.
var options = LoadOptions.Parse(args);
Console.WriteLine($"postern WebUser load: {options}");
await using var server = new SelfHostedServer();
await server.StartAsync(options, Console.Out);

if (options.Scenario is "mailbox" or "all")
{
    var page = $"Mailbox.wssp?Mailbox=INBOX&Limit={options.Rows}";
    var result = await RunAsync(server, options.Clients, options.Seconds, page, "id=\"messages\"");
    Console.WriteLine($"mailbox page, {options.Rows} rows of {options.Messages:N0} messages, {options.Clients} clients: {result}");
}
if (options.Scenario is "message" or "all")
{
    var page = $"Message.wssp?Mailbox=INBOX&MSG={server.LargeMessageUid}";
    var result = await RunAsync(server, options.MessageClients, options.Seconds, page, "data.bin");
    Console.WriteLine($"message page, {options.MessageBytes / 1024} KB multipart, {options.MessageClients} clients: {result}");
}

static async Task<LatencyReport> RunAsync(SelfHostedServer server, int clients, int seconds, string page, string expected)
{
    var sessions = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => WebUserClient.LogInAsync(server.BaseUrl, SelfHostedServer.User, SelfHostedServer.Password)));
    try
    {
        // Every session builds its view of the mailbox on its first page: warm up before measuring.
        await Task.WhenAll(sessions.Select(s => s.GetAsync(page, expected)));
        await MeasureAsync(sessions, TimeSpan.FromSeconds(Math.Max(1, seconds / 5)), page, expected);
        return await MeasureAsync(sessions, TimeSpan.FromSeconds(seconds), page, expected);
    }
    finally
    {
        foreach (var session in sessions)
            session.Dispose();
    }
}

static async Task<LatencyReport> MeasureAsync(WebUserClient[] sessions, TimeSpan duration, string page, string expected)
{
    var latencies = sessions.Select(_ => new List<double>()).ToArray();
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(sessions.Select(async (session, i) =>
    {
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await session.GetAsync(page, expected);
            latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }));
    return LatencyReport.From(latencies.SelectMany(l => l).ToArray(), clock.Elapsed);
}
