using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Postern.LoadDriver;

/// <summary>The load scenarios of docs/performance.md, "XIMSS transport and sessions".</summary>
internal static class Scenarios
{
    private const string User = "postmaster@example.com";

    // Connections opened at once while building up thousands: Kestrel's listen backlog is 512.
    private const int ConnectConcurrency = 64;

    /// <summary>Pipelined noop round trips: <paramref name="sessions"/> TCP sessions, each keeping <paramref name="depth"/> requests in flight.</summary>
    public static async Task NoopThroughputAsync(ServerUnderTest server, int sessions, int depth, TimeSpan duration)
    {
        var connections = await OpenAsync(sessions, async _ =>
        {
            var connection = await RawXimssConnection.ConnectAsync(server.XimssPort);
            await connection.LoginAsync(User, ServerUnderTest.Password);
            return connection;
        });
        var batch = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, depth).Select(i => $"<noop id=\"{i}\"/>\0")));
        long completed = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(connections.Select(async connection =>
        {
            while (stop.Elapsed < duration)
            {
                await connection.SendAsync(batch);
                await connection.ReceiveMessagesAsync(depth);
                Interlocked.Add(ref completed, depth);
            }
        }));
        var seconds = stop.Elapsed.TotalSeconds;
        Report($"noop, {sessions} session(s), {depth} in flight each", $"{completed / seconds:N0} requests/s ({completed:N0} in {seconds:0.0} s)");
        foreach (var connection in connections)
            connection.Dispose();
    }

    /// <summary>Logins per second: <paramref name="count"/> TCP logins (then bye), <paramref name="concurrency"/> at a time.</summary>
    public static async Task LoginRateAsync(ServerUnderTest server, int count, int concurrency, bool cramMd5, string hashing)
    {
        var next = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                using var connection = await RawXimssConnection.ConnectAsync(server.XimssPort);
                await connection.LoginAsync(User, ServerUnderTest.Password, cramMd5);
                await connection.SendAsync("<bye id=\"b\"/>\0"u8.ToArray());
                await connection.ReceiveMessagesAsync(1);
            }
        }));
        Report($"login ({(cramMd5 ? "SASL CRAM-MD5" : "plain login")}, {hashing}), {concurrency} at a time",
            $"{count / stop.Elapsed.TotalSeconds:N0} logins/s ({count:N0} in {stop.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>Memory per idle TCP session: <paramref name="count"/> logged-in connections that then do nothing.</summary>
    public static async Task IdleTcpAsync(ServerUnderTest server, int count)
    {
        var before = await server.MeasureMemoryAsync();
        var connections = await OpenAsync(count, async _ =>
        {
            var connection = await RawXimssConnection.ConnectAsync(server.XimssPort);
            await connection.LoginAsync(User, ServerUnderTest.Password);
            return connection;
        });
        var after = await server.MeasureMemoryAsync();
        ReportMemory($"{count:N0} idle TCP sessions", count, before, after, (await server.CountersAsync()).GetProperty("sessions").GetInt32());
        foreach (var connection in connections)
            connection.Dispose();
    }

    /// <summary>
    /// Memory per parked long poll (<paramref name="count"/> HTTP sessions, each with a GET waiting on its own
    /// connection), then the latency from an asynchronous event to its arrival at a parked poll.
    /// </summary>
    public static async Task ParkedPollsAsync(ServerUnderTest server, int count, int latencySamples)
    {
        var before = await server.MeasureMemoryAsync();
        var polls = await OpenAsync(count, async _ =>
        {
            var http = await RawHttpConnection.ConnectAsync(server.HttpPort);
            var (_, body) = await http.RequestAsync("GET", $"/ximsslogin/?userName={User}&password={ServerUnderTest.Password}");
            var start = body.IndexOf("urlID=\"", StringComparison.Ordinal) + 7;
            var session = body[start..body.IndexOf('"', start)];
            await http.SendAsync("GET", $"/Session/{session}/get?ackSeq=0&maxWait=300");
            return (Http: http, Session: session);
        });
        // A sync request of each session answered after its poll was sent: every poll is parked by now.
        using (var probe = await RawHttpConnection.ConnectAsync(server.HttpPort))
        {
            foreach (var poll in polls)
                await probe.RequestAsync("POST", $"/Session/{poll.Session}/sync", "<XIMSS><noop id=\"p\"/></XIMSS>");
        }
        var after = await server.MeasureMemoryAsync();
        ReportMemory($"{count:N0} parked HTTP long polls", count, before, after, (await server.CountersAsync()).GetProperty("sessions").GetInt32());

        var latencies = new List<double>(latencySamples);
        var random = new Random(42);
        var acknowledged = new long[count];
        using var poster = await RawHttpConnection.ConnectAsync(server.HttpPort);
        for (var i = 0; i < latencySamples; i++)
        {
            var index = random.Next(count);
            var (http, session) = polls[index];
            var watch = Stopwatch.StartNew();
            await poster.SendAsync("POST", $"/Session/{session}/async", "<XIMSS><noop id=\"e\"/></XIMSS>");
            var (_, batch) = await http.ReceiveAsync();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            await poster.ReceiveAsync();
            if (!batch.StartsWith("<XIMSS respSeq=", StringComparison.Ordinal))
                throw new InvalidOperationException("unexpected poll reply " + batch);
            // Park that poll again, acknowledging the batch, and wait until it is parked.
            acknowledged[index]++;
            await http.SendAsync("GET", $"/Session/{session}/get?ackSeq={acknowledged[index]}&maxWait=300");
            await poster.RequestAsync("POST", $"/Session/{session}/sync", "<XIMSS><noop id=\"p\"/></XIMSS>");
        }
        latencies.Sort();
        Report($"async event → parked poll, {latencySamples:N0} events over {count:N0} parked polls",
            $"p50 {Percentile(latencies, 0.50):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, max {latencies[^1]:0.00} ms");
        foreach (var poll in polls)
            poll.Http.Dispose();
    }

    private static async Task<List<T>> OpenAsync<T>(int count, Func<int, Task<T>> open)
    {
        var opened = new T[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(ConnectConcurrency, count)).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
                opened[index] = await open(index);
        }));
        return [.. opened];
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private static void ReportMemory(string what, int count, (long Heap, long Rss) before, (long Heap, long Rss) after, int sessions) =>
        Report(what, string.Create(CultureInfo.InvariantCulture,
            $"{(after.Heap - before.Heap) / (double)count / 1024:0.0} KB managed heap and {(after.Rss - before.Rss) / (double)count / 1024:0.0} KB resident per session "
            + $"(heap {before.Heap / 1048576.0:0} → {after.Heap / 1048576.0:0} MiB, resident {before.Rss / 1048576.0:0} → {after.Rss / 1048576.0:0} MiB; {sessions:N0} sessions live)"));

    private static void Report(string scenario, string figure) => Console.WriteLine($"| {scenario} | {figure} |");
}
