using BenchmarkDotNet.Attributes;
using Postern.Mime;
using Postern.Mime.Headers;
using Postern.Mime.Summary;

namespace Postern.Benchmarks.Mime;

/// <summary>Folder-view summary extraction (docs/performance.md, "MIME parsing").</summary>
[MemoryDiagnoser]
public class MessageSummaryBenchmarks
{
    private byte[][] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        // Everyday mail: the corpus's messages/ folder without the 135 KB pathological header sample.
        _messages = MimeCorpus.MessageFiles()
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}messages{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("stack-overflow.txt", StringComparison.Ordinal))
            .Select(File.ReadAllBytes).ToArray();
        if (_messages.Length != 31)
        {
            throw new InvalidOperationException($"Benchmark self-check failed: expected 31 messages (OperationsPerInvoke), found {_messages.Length}.");
        }

        if (SummariesWithPreview() != _messages.Length || HeaderOnlySummaries() != _messages.Length)
        {
            throw new InvalidOperationException("Benchmark self-check failed: a summary lost its subject or sender.");
        }
    }

    /// <summary>Messages summarised per call (divide the mean by it for the time per message).</summary>
    public int MessageCount => _messages.Length;

    /// <summary>Full summary per message: parse, addresses, dates, priority, attachments, 256-character preview.</summary>
    [Benchmark(OperationsPerInvoke = 31)]
    public int SummariesWithPreview()
    {
        var ok = 0;
        foreach (var bytes in _messages)
        {
            var summary = MessageSummary.Create(MimeMessage.Parse(bytes));
            ok += summary.From.Count > 0 || summary.Subject is not null || summary.Preview.Length >= 0 ? 1 : 0;
        }

        return ok;
    }

    /// <summary>Summary from a stored header block alone (what a folder view re-reads for arbitrary fields).</summary>
    [Benchmark(OperationsPerInvoke = 31)]
    public int HeaderOnlySummaries()
    {
        var ok = 0;
        foreach (var bytes in _messages)
        {
            var summary = MessageSummary.FromHeaders(HeaderList.Parse(bytes));
            ok += summary.ContentType.Length > 0 ? 1 : 0;
        }

        return ok;
    }
}
