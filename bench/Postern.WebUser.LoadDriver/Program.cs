using System.Diagnostics;
using Postern.WebUser.LoadDriver;

// The WebUser load driver: a self-hosted server with a large mailbox, many concurrent sessions
// reading mailbox pages (the same page again, and a different page each time), and a few reading a
// 1 MB multipart message. Figures go to docs/performance.md.
var options = LoadOptions.Parse(args);
Console.WriteLine($"postern WebUser load: {options}");
await using var server = new SelfHostedServer();
await server.StartAsync(options, Console.Out);

if (options.Scenario is "mailbox" or "all")
{
    var result = await RunAsync(server, options.Clients, options.Seconds, _ => $"Mailbox.wssp?Mailbox=INBOX&Limit={options.Rows}", "id=\"messages\"");
    Console.WriteLine($"mailbox page (the same page again), {options.Rows} rows of {options.Messages:N0} messages, {options.Clients} clients: {result}");
}
if (options.Scenario is "paging" or "all")
{
    // Every request shows another page: its rows are read from the store and the page data built anew.
    var pages = Math.Max(1, options.Messages / options.Rows);
    var result = await RunAsync(server, options.Clients, options.Seconds, n => $"Mailbox.wssp?Mailbox=INBOX&Limit={options.Rows}&Skip={n % pages * options.Rows}", "id=\"messages\"");
    Console.WriteLine($"mailbox page (a different page each time), {options.Rows} rows of {options.Messages:N0} messages, {options.Clients} clients: {result}");
}
if (options.Scenario is "message" or "all")
{
    var page = $"Message.wssp?Mailbox=INBOX&MSG={server.LargeMessageUid}";
    var result = await RunAsync(server, options.MessageClients, options.Seconds, _ => page, "data.bin");
    Console.WriteLine($"message page, {options.MessageBytes / 1024} KB multipart, {options.MessageClients} clients: {result}");
}

static async Task<LatencyReport> RunAsync(SelfHostedServer server, int clients, int seconds, Func<int, string> page, string expected)
{
    var sessions = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => WebUserClient.LogInAsync(server.BaseUrl, SelfHostedServer.User, SelfHostedServer.Password)));
    try
    {
        // Every session builds its view of the mailbox on its first page: warm up before measuring.
        await Task.WhenAll(sessions.Select(s => s.GetAsync(page(0), expected)));
        await MeasureAsync(sessions, TimeSpan.FromSeconds(Math.Max(1, seconds / 5)), page, expected);
        return await MeasureAsync(sessions, TimeSpan.FromSeconds(seconds), page, expected);
    }
    finally
    {
        foreach (var session in sessions)
            session.Dispose();
    }
}

static async Task<LatencyReport> MeasureAsync(WebUserClient[] sessions, TimeSpan duration, Func<int, string> page, string expected)
{
    var latencies = sessions.Select(_ => new List<double>()).ToArray();
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(sessions.Select(async (session, i) =>
    {
        for (var n = i * 7919; clock.Elapsed < duration; n++)
        {
            var started = Stopwatch.GetTimestamp();
            await session.GetAsync(page(n), expected);
            latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }));
    return LatencyReport.From(latencies.SelectMany(l => l).ToArray(), clock.Elapsed);
}
