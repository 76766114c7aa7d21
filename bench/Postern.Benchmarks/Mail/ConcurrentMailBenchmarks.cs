using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Postern.Mime.Addresses;
using Postern.Mime.Writing;
using Postern.Storage;
using Postern.Mail.Submission;
using Postern.Testing;

namespace Postern.Benchmarks.Mail;

/// <summary>
/// Eight clients at once, each waiting for its own durable acknowledgement: storing messages
/// (XIMSS <c>messageAppend</c>) and sending to a local recipient (<c>messageSubmit</c>: delivery into
/// bob's INBOX plus the copy in alice's Sent). Messages per second are printed to the log.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ConcurrentMailBenchmarks
{
    private const int Clients = 8;

    /// <summary>Operations per client per run.</summary>
    private const int PerClient = 100;

    private byte[][] _messages = [];
    private MailBench? _bench;

    [GlobalSetup]
    public void PrepareAndCheck()
    {
        _messages = Enumerable.Range(0, 64).Select(SyntheticMbox.Message).ToArray();
        NewStore();
        var appended = AppendConcurrently();
        var submitted = SubmitConcurrently();
        var inbox = Count("bob@example.com", "INBOX");
        var sent = Count("alice@example.com", "Sent");
        var drafts = Count("alice@example.com", "Drafts");
        // Verify before measuring: every acknowledged operation is stored, once.
        if (appended != Clients * PerClient || submitted != Clients * PerClient || inbox != submitted || sent != submitted || drafts != appended)
            throw new InvalidOperationException($"appended {appended} (Drafts {drafts}), submitted {submitted} (INBOX {inbox}, Sent {sent})");
        Console.WriteLine("// check passed");
    }

    [IterationSetup]
    public void NewStore()
    {
        _bench?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _bench = MailBench.CreateAsync().GetAwaiter().GetResult();
    }

    /// <returns>How many appends were acknowledged.</returns>
    [Benchmark]
    public int AppendConcurrently() => Run("appends", async (client, i) =>
        await _bench!.Operations.AppendAsync(_bench.Alice, "Drafts", _messages[(client * 7 + i) % _messages.Length],
            MessageFlags.Draft, [], null, null, CancellationToken.None));

    /// <returns>How many submissions were acknowledged.</returns>
    [Benchmark]
    public int SubmitConcurrently() => Run("submissions to a local recipient", async (client, i) =>
    {
        var message = new ComposedMessage { Subject = $"client {client} message {i}", Body = new ComposedText("Lunch at noon?") };
        message.To.Add(new MailboxAddress("Bob", "bob@example.com"));
        await _bench!.Submission.SubmitAsync(_bench.Alice, message, SubmissionOptions.Default, CancellationToken.None);
    });

    private int Run(string what, Func<int, int, Task> operation)
    {
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < PerClient; i++)
                await operation(client, i);
            return PerClient;
        }));
        var done = Task.WhenAll(clients).GetAwaiter().GetResult().Sum();
        Console.WriteLine($"// {Clients} clients: {done / clock.Elapsed.TotalSeconds:N0} durable {what}/s");
        return done;
    }

    private int Count(string account, string mailbox)
    {
        var user = _bench!.Access.GetUserAsync(Accounts.AccountName.Parse(account), CancellationToken.None).GetAwaiter().GetResult();
        return _bench.Access.GetAsync(user, mailbox, CancellationToken.None).GetAwaiter().GetResult().Record.MessageCount;
    }

    [GlobalCleanup]
    public void Cleanup() => _bench?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
