using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Postern.Mail.Messages;
using Postern.Storage;
using Postern.Testing;

namespace Postern.Benchmarks.Store;

/// <summary>
/// Concurrent durable appends of one message each, as sessions storing sent mail or drafts do:
/// every append is acknowledged only after its bytes and row are synced. Group commit lets the
/// appenders waiting together share one sync.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ConcurrentAppendBenchmarks
{
    /// <summary>Appends per writer per run.</summary>
    private const int AppendsPerWriter = 500;

    private NewMessage[] _messages = [];
    private StoreBench? _bench;

    [Params(1, 8)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void PrepareAndCheck()
    {
        _messages = Enumerable.Range(0, 64)
            .Select(i => StoredMessages.Create(SyntheticMbox.Message(i), MessageFlags.None, [], DateTimeOffset.UtcNow))
            .ToArray();
        NewStore();
        var appended = AppendConcurrently();
        var mailbox = _bench!.ReloadMailboxAsync().GetAwaiter().GetResult();
        if (appended != Writers * AppendsPerWriter || mailbox.MessageCount != appended || mailbox.UidNext != appended + 1)
            throw new InvalidOperationException($"{appended} appends acknowledged, {mailbox.MessageCount} messages stored");
    }

    [IterationSetup]
    public void NewStore()
    {
        _bench?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _bench = StoreBench.CreateAsync().GetAwaiter().GetResult();
    }

    /// <returns>How many appends were acknowledged.</returns>
    [Benchmark]
    public int AppendConcurrently()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var store = _bench!.Store;
        var mailbox = _bench.Mailbox.Id;
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsPerWriter; i++)
                await store.Messages.AppendAsync(mailbox, [_messages[(writer * 7 + i) % _messages.Length]], CancellationToken.None);
            return AppendsPerWriter;
        }));
        var acknowledged = Task.WhenAll(writers).GetAwaiter().GetResult().Sum();
        Console.WriteLine($"// {Writers} writer(s): {acknowledged / clock.Elapsed.TotalSeconds:N0} durable appends/s");
        return acknowledged;
    }

    [GlobalCleanup]
    public void Cleanup() => _bench?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
