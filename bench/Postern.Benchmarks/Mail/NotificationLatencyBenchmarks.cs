using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Postern.Mail.Delivery;
using Postern.Storage;
using Postern.Storage.Sqlite;
using Postern.Testing;

namespace Postern.Benchmarks.Mail;

/// <summary>
/// From the start of a durable delivery to the session's folder callback (what turns into XIMSS
/// <c>folderReport mode="notify"</c>): deliveries by this process, and by another store on the same
/// data directory (what the CLI's <c>postern deliver</c> is). p50 and p99 are printed to the log.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NotificationLatencyBenchmarks
{
    private const int Deliveries = 100;

    /// <summary>The store's change poll interval in milliseconds (<c>SqliteStoreOptions.ChangePollInterval</c>).</summary>
    private const int PollInterval = 100;

    private static readonly DeliveryEnvelope s_envelope = new("sender@remote.example", "bench", "LOCAL");

    private MailBench? _bench;
    private IStore? _otherProcess;
    private LocalDelivery? _otherDelivery;
    private CancellationTokenSource? _stop;
    private Task _notifier = Task.CompletedTask;
    private byte[] _message = [];

    [Params(false, true)]
    public bool FromAnotherProcess { get; set; }

    [GlobalSetup]
    public void StartAndCheck()
    {
        _message = SyntheticMbox.Message(1);
        _bench = MailBench.CreateAsync().GetAwaiter().GetResult();
        _stop = new CancellationTokenSource();
        _notifier = _bench.Notifier.RunAsync(null, _stop.Token);
        _otherProcess = SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = _bench.Directory }, null, CancellationToken.None).GetAwaiter().GetResult();
        var otherDomains = new Accounts.DomainService(_otherProcess);
        _otherDelivery = new LocalDelivery(_otherProcess, new RecipientResolver(_otherProcess, otherDomains), otherDomains, TimeProvider.System);
        var latencies = DeliverAndWait();
        if (latencies.Length != Deliveries || latencies.Any(l => l < 0))
            throw new InvalidOperationException("a delivery was not notified");
        Console.WriteLine("// check passed");
    }

    /// <returns>The latencies in milliseconds, sorted.</returns>
    [Benchmark]
    public double[] DeliverAndWait()
    {
        var inbox = _bench!.Access.GetAsync(_bench.Bob, "INBOX", CancellationToken.None).GetAwaiter().GetResult();
        var heard = new SemaphoreSlim(0);
        var clock = Stopwatch.StartNew();
        var notifiedAt = 0L;
        using var watch = _bench.Notifications.Watch(_bench.Bob, change =>
        {
            if (change.Kind == StoreChangeKind.MessagesAdded)
            {
                Volatile.Write(ref notifiedAt, clock.ElapsedTicks);
                heard.Release();
            }
        }, _ => { });
        watch.WatchMailbox(inbox.Id);
        var delivery = FromAnotherProcess ? _otherDelivery! : _bench.Delivery;

        // Measured from the start of each delivery: in this process the notification can come before the
        // delivering caller hears its acknowledgement, so "after the acknowledgement" could be negative.
        var latencies = new double[Deliveries];
        var deliveries = new double[Deliveries];
        var random = new Random(42);
        for (var i = 0; i < Deliveries; i++)
        {
            // Deliveries at random moments, as mail arrives: not in step with the other-process poll,
            // which delivering right after each notice would be (always just after a poll, a whole interval to wait).
            Thread.Sleep(random.Next(PollInterval));
            var started = clock.ElapsedTicks;
            delivery.DeliverAsync("bob@example.com", _message, s_envelope, CancellationToken.None).GetAwaiter().GetResult();
            deliveries[i] = Milliseconds(clock.ElapsedTicks - started);
            latencies[i] = heard.Wait(TimeSpan.FromSeconds(10)) ? Milliseconds(Volatile.Read(ref notifiedAt) - started) : -1;
        }
        Array.Sort(latencies);
        Array.Sort(deliveries);
        Console.WriteLine($"// {(FromAnotherProcess ? "another process" : "this process")}: durable delivery p50 {deliveries[Deliveries / 2]:0.00} ms, " +
            $"p99 {deliveries[Deliveries * 99 / 100]:0.00} ms; notified after p50 {latencies[Deliveries / 2]:0.00} ms, " +
            $"p99 {latencies[Deliveries * 99 / 100]:0.00} ms, max {latencies[^1]:0.00} ms");
        return latencies;
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop?.Cancel();
        _notifier.GetAwaiter().GetResult();
        _otherProcess?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _bench?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stop?.Dispose();
    }
}
