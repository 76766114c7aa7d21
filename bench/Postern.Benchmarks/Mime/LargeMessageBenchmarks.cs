using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Postern.Mime;
using Postern.Mime.Summary;
using Postern.Testing;

namespace Postern.Benchmarks.Mime;

/// <summary>
/// Loading and summarising a 200 MB message file: mapped (what <see cref="MimeMessage.LoadAsync"/> does for large
/// files) against read into one array (docs/performance.md, "Large messages").
/// </summary>
[MemoryDiagnoser]
public class LargeMessageBenchmarks
{
    /// <summary>Above what most mail systems accept, so the difference is unmistakable.</summary>
    private const long Size = 200L * 1024 * 1024;

    private string _directory = "";
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "postern-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "large.eml");
        LargeMessage.WriteTo(_path, Size);

        using var stream = File.OpenRead(_path);
        using var message = MimeMessage.LoadAsync(stream, null, CancellationToken.None).GetAwaiter().GetResult();
        if (MemoryMarshal.TryGetArray(message.Source, out _) || MappedSummary() != ReadSummary())
        {
            throw new InvalidOperationException("Benchmark self-check failed: the file was not mapped, or the summaries differ.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>The file mapped, parsed and summarised in place.</summary>
    [Benchmark]
    public string MappedSummary()
    {
        using var stream = File.OpenRead(_path);
        using var message = MimeMessage.LoadAsync(stream, null, CancellationToken.None).GetAwaiter().GetResult();
        return Describe(MessageSummary.Create(message));
    }

    /// <summary>The file read into one array first, as before mapping.</summary>
    [Benchmark(Baseline = true)]
    public string ReadSummary() => Describe(MessageSummary.Create(MimeMessage.Parse(File.ReadAllBytes(_path))));

    private static string Describe(MessageSummary summary) => $"{summary.Subject}|{summary.HasAttachments}|{summary.Preview}";
}
