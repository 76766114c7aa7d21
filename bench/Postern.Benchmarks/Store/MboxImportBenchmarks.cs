using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Postern.Mail.Mbox;
using Postern.Testing;

namespace Postern.Benchmarks.Store;

/// <summary>
/// <c>postern import mbox</c> without the process: a generated 100,000-message mbox streamed into a
/// fresh durable store (fsync and synchronous=FULL on), batch by batch.
/// </summary>
/// <remarks>
/// Besides the time, each run samples the process's working set and the GC heap after every
/// committed batch and prints the peaks over the first and the last fifth of the import to the
/// log: with memory flat in the mailbox size the two agree.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class MboxImportBenchmarks
{
    private const int Messages = 100_000;

    private string _mbox = "";
    private long _messageBytes;
    private StoreBench? _bench;

    [GlobalSetup]
    public void GenerateAndCheck()
    {
        _mbox = Path.Combine(Path.GetTempPath(), $"postern-bench-{Messages}.mbox");
        _messageBytes = SyntheticMbox.Write(_mbox, Messages);

        // Verify before measuring: everything arrives, byte for byte.
        NewStore();
        var result = Import100kMessages();
        var mailbox = _bench!.ReloadMailboxAsync().GetAwaiter().GetResult();
        if (result.Messages != Messages || mailbox.MessageCount != Messages || mailbox.TotalSize != _messageBytes)
            throw new InvalidOperationException($"imported {result.Messages} messages, {mailbox.TotalSize} bytes; expected {Messages}, {_messageBytes}");
        using var last = _bench.Store.Messages.OpenContentAsync(mailbox.Id, Messages, CancellationToken.None).GetAwaiter().GetResult()!;
        using var copy = new MemoryStream();
        last.CopyTo(copy);
        if (!copy.ToArray().AsSpan().SequenceEqual(SyntheticMbox.Message(Messages - 1)))
            throw new InvalidOperationException("the last message was not stored byte for byte");
        Console.WriteLine($"// {new FileInfo(_mbox).Length:N0}-byte mbox, {_messageBytes:N0} bytes of messages, check passed");
    }

    [IterationSetup]
    public void NewStore()
    {
        _bench?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _bench = StoreBench.CreateAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public ImportResult Import100kMessages()
    {
        var samples = new List<(long Messages, long WorkingSet, long Heap)>();
        var progress = new Sampler(p => samples.Add((p.Messages, Environment.WorkingSet, GC.GetTotalMemory(false))));
        using var input = new FileStream(_mbox, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var clock = Stopwatch.StartNew();
        var result = new MboxImporter(_bench!.Store, TimeProvider.System).ImportAsync(input, _bench.Mailbox, progress, CancellationToken.None)
            .GetAwaiter().GetResult();
        clock.Stop();

        var fifth = Messages / 5;
        var early = samples.Where(s => s.Messages <= fifth).ToArray();
        var late = samples.Where(s => s.Messages > Messages - fifth).ToArray();
        Console.WriteLine(
            $"// {result.Messages / clock.Elapsed.TotalSeconds:N0} messages/s; peak working set {Mb(early.Max(s => s.WorkingSet))} MB in the first fifth, " +
            $"{Mb(late.Max(s => s.WorkingSet))} MB in the last; peak GC heap {Mb(early.Max(s => s.Heap))} MB / {Mb(late.Max(s => s.Heap))} MB; " +
            $"process peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64)} MB");
        return result;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bench?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        File.Delete(_mbox);
    }

    private static long Mb(long bytes) => bytes >> 20;

    private sealed class Sampler(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
