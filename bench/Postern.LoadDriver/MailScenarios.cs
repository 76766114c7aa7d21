using System.Diagnostics;
using System.Text;
using Postern.Testing;

namespace Postern.LoadDriver;

/// <summary>The XIMSS mail scenarios of docs/performance.md ("XIMSS mail operations"), through the protocol.</summary>
internal static class MailScenarios
{
    private const string User = "postmaster@example.com";
    private const string Recipient = "bob@example.com";

    /// <summary>
    /// <paramref name="clients"/> TCP sessions at once, each sending <paramref name="perClient"/> operations one after
    /// another (the next once the last is acknowledged): <c>messageAppend</c> into Drafts, or <c>messageSubmit</c>
    /// to a local account (delivery to its INBOX and the copy in Sent).
    /// </summary>
    public static async Task ThroughputAsync(ServerUnderTest server, bool submit, int clients, int perClient)
    {
        await server.EnsureAccountAsync(Recipient);
        var connections = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var connection = await RawXimssConnection.ConnectAsync(server.XimssPort);
            await connection.LoginAsync(User, ServerUnderTest.Password);
            return connection;
        }));
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(connections.Select(async (connection, client) =>
        {
            for (var i = 0; i < perClient; i++)
            {
                var email = $"<EMail><To>{Recipient}</To><Subject>Load {client}-{i}</Subject><MIME type=\"text\" subtype=\"plain\">{Body}</MIME></EMail>";
                var request = submit
                    ? $"<messageSubmit id=\"m\">{email}</messageSubmit>\0"
                    : $"<messageAppend id=\"m\" targetMailbox=\"Drafts\" flags=\"Draft\">{email}</messageAppend>\0";
                await connection.SendAsync(Encoding.UTF8.GetBytes(request));
                Expect("<response id=\"m\"/>", await connection.ReceiveMessagesAsync(1));
            }
        }));
        var seconds = stop.Elapsed.TotalSeconds;
        var total = clients * perClient;
        Report($"`{(submit ? "messageSubmit` to a local account" : "messageAppend` into Drafts")}, {clients} TCP clients, {perClient} each",
            $"{total / seconds:N0} messages/s ({total:N0} in {seconds:0.0} s)");
        foreach (var connection in connections)
            connection.Dispose();
    }

    /// <summary>
    /// From sending a <c>messageSubmit</c> (over TCP) to the arrival of <c>folderReport mode="notify"</c> at the
    /// recipient's parked HTTP long poll; the recipient syncs its folder after each one, as Samoware does.
    /// </summary>
    public static async Task NotifyLatencyAsync(ServerUnderTest server, int samples)
    {
        await server.EnsureAccountAsync(Recipient);
        using var sender = await RawXimssConnection.ConnectAsync(server.XimssPort);
        await sender.LoginAsync(User, ServerUnderTest.Password);
        using var poll = await RawHttpConnection.ConnectAsync(server.HttpPort);
        using var sync = await RawHttpConnection.ConnectAsync(server.HttpPort);
        var (_, login) = await sync.RequestAsync("GET", $"/ximsslogin/?userName={Recipient}&password={ServerUnderTest.Password}");
        var start = login.IndexOf("urlID=\"", StringComparison.Ordinal) + 7;
        var session = login[start..login.IndexOf('"', start)];
        await sync.RequestAsync("POST", $"/Session/{session}/sync", "<XIMSS><folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\" sortField=\"INTERNALDATE\" sortOrder=\"desc\"/></XIMSS>");

        var latencies = new List<double>(samples);
        long acknowledged = 0;
        for (var i = 0; i < samples; i++)
        {
            await poll.SendAsync("GET", $"/Session/{session}/get?ackSeq={acknowledged}&maxWait=60");
            // A sync request answered after the poll was sent: the poll is parked by now.
            await sync.RequestAsync("POST", $"/Session/{session}/sync", "<XIMSS><noop id=\"p\"/></XIMSS>");
            var watch = Stopwatch.StartNew();
            await sender.SendAsync(Encoding.UTF8.GetBytes($"<messageSubmit id=\"s\"><EMail><To>{Recipient}</To><Subject>Ping {i}</Subject><MIME type=\"text\" subtype=\"plain\">{Body}</MIME></EMail></messageSubmit>\0"));
            var (_, batch) = await poll.ReceiveAsync();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            Expect("<response id=\"s\"/>", await sender.ReceiveMessagesAsync(1));
            if (!batch.Contains("<folderReport folder=\"INBOX-MM-1\" mode=\"notify\"/>", StringComparison.Ordinal))
                throw new InvalidOperationException("unexpected poll reply " + batch);
            acknowledged = long.Parse(batch[(batch.IndexOf("respSeq=\"", StringComparison.Ordinal) + 9)..].Split('"')[0], System.Globalization.CultureInfo.InvariantCulture);
            await sync.RequestAsync("POST", $"/Session/{session}/sync", "<XIMSS><folderSync id=\"y\" folder=\"INBOX-MM-1\"/></XIMSS>");
        }
        latencies.Sort();
        Report($"`messageSubmit` → `notify` at the recipient's parked HTTP long poll, {samples:N0} messages",
            $"p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms");
    }

    /// <summary><c>folderOpen</c> (sorted by date and by subject) and <c>folderBrowse</c> of 50 rows on an INBOX of <paramref name="messages"/> messages.</summary>
    public static async Task LargeMailboxAsync(ServerUnderTest server, int messages, int repetitions)
    {
        var mbox = Path.Combine(Path.GetTempPath(), $"postern-load-{messages}.mbox");
        if (!File.Exists(mbox))
            SyntheticMbox.Write(mbox, messages);
        await server.RunCliAsync("import", "mbox", mbox, "--account", User, "--mailbox", "INBOX");

        using var connection = await RawXimssConnection.ConnectAsync(server.XimssPort);
        await connection.LoginAsync(User, ServerUnderTest.Password);
        foreach (var sortField in new[] { "INTERNALDATE", "Subject" })
        {
            var opens = await TimeAsync(repetitions, async i =>
            {
                await connection.SendAsync(Encoding.UTF8.GetBytes($"<folderOpen id=\"o\" folder=\"F{i}\" mailbox=\"INBOX\" sortField=\"{sortField}\" sortOrder=\"desc\"/>\0"));
                var init = await connection.ReceiveMessagesAsync(1);
                if (!init.Contains($"messages=\"{messages}\"", StringComparison.Ordinal))
                    throw new InvalidOperationException("unexpected folder report " + init);
                Expect("<response id=\"o\"/>", await connection.ReceiveMessagesAsync(1));
                await connection.SendAsync(Encoding.UTF8.GetBytes($"<folderClose id=\"c\" folder=\"F{i}\"/>\0"));
                await connection.ReceiveMessagesAsync(1);
            });
            Report($"`folderOpen` of {messages:N0} messages sorted by {sortField} (with `folderClose`)", Median(opens));
        }

        await connection.SendAsync(Encoding.UTF8.GetBytes("<folderOpen id=\"o\" folder=\"B\" mailbox=\"INBOX\" sortField=\"INTERNALDATE\" sortOrder=\"desc\">"
            + "<field>FLAGS</field><field>E-From</field><field>Subject</field><field>INTERNALDATE</field><field>SIZE</field><field>E-To</field><field>Pty</field><field>Date</field></folderOpen>\0"));
        await connection.ReceiveMessagesAsync(2);
        var random = new Random(7);
        var browses = await TimeAsync(repetitions * 10, async _ =>
        {
            var from = random.Next(messages - 50);
            await connection.SendAsync(Encoding.UTF8.GetBytes($"<folderBrowse id=\"b\" folder=\"B\"><index from=\"{from}\" till=\"{from + 49}\"/></folderBrowse>\0"));
            Expect("<response id=\"b\"/>", await connection.ReceiveMessagesAsync(51));
        });
        Report($"`folderBrowse` of 50 rows, 8 fields, at random places in {messages:N0} messages", Median(browses));
    }

    private const string Body = "A short message of the load test.";

    private static async Task<List<double>> TimeAsync(int repetitions, Func<int, Task> operation)
    {
        var times = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static string Median(List<double> sorted) =>
        $"median {Percentile(sorted, 0.5):0.00} ms, min {sorted[0]:0.00} ms, max {sorted[^1]:0.00} ms ({sorted.Count} runs)";

    private static double Percentile(List<double> sorted, double fraction) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private static void Expect(string expected, string actual)
    {
        if (actual != expected)
            throw new InvalidOperationException($"expected {expected}, got {actual}");
    }

    private static void Report(string scenario, string figure) => Console.WriteLine($"| {scenario} | {figure} |");
}
