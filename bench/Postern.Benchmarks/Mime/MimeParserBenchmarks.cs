using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Postern.Mime;
using Postern.Mime.Mbox;

namespace Postern.Benchmarks.Mime;

/// <summary>Structural parsing throughput on the corpus (docs/performance.md, "MIME parsing").</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MimeParserBenchmarks
{
    private byte[] _startrek = [];
    private byte[] _contentLengthMbox = [];
    private byte[] _stackOverflow = [];
    private byte[][] _corpusMessages = [];
    private byte[][] _corpusMboxes = [];

    [GlobalSetup]
    public void Setup()
    {
        _startrek = MimeCorpus.Read("benchmark/startrek.eml");
        _contentLengthMbox = MimeCorpus.Read("mbox/content-length.mbox.txt");
        _stackOverflow = MimeCorpus.Read("messages/stack-overflow.txt");
        _corpusMessages = MimeCorpus.MessageFiles().Where(f => !f.EndsWith("stack-overflow.txt", StringComparison.Ordinal))
            .Select(File.ReadAllBytes).ToArray();
        _corpusMboxes = MimeCorpus.MboxFiles().Select(File.ReadAllBytes).ToArray();

        ThroughputColumn.BytesPerOperation[nameof(StartrekEml)] = _startrek.Length;
        ThroughputColumn.BytesPerOperation[nameof(ContentLengthMbox)] = _contentLengthMbox.Length;
        ThroughputColumn.BytesPerOperation[nameof(StackOverflowAddresses)] = _stackOverflow.Length;
        ThroughputColumn.BytesPerOperation[nameof(CorpusWithoutStackOverflow)] =
            _corpusMessages.Sum(m => (long)m.Length) + _corpusMboxes.Sum(m => (long)m.Length);

        Check(StartrekEml() == 10, "startrek.eml has 10 parts");
        Check(ContentLengthMbox() == 29, "content-length.mbox.txt has 29 messages");
        Check(StackOverflowAddresses() == 2, "stack-overflow.txt's To: holds 2 entries");
        Check(CorpusWithoutStackOverflow() == 51 + 63, "the corpus without stack-overflow.txt has 114 messages");
    }

    /// <summary>Parses startrek.eml (177 KB, nested multiparts, base64 media); answers its part count.</summary>
    [Benchmark]
    public int StartrekEml() => CountParts(MimeMessage.Parse(_startrek));

    /// <summary>Splits content-length.mbox.txt (935 KB) and parses each of its 29 messages.</summary>
    [Benchmark]
    public int ContentLengthMbox() => ParseMbox(_contentLengthMbox);

    /// <summary>Parses every corpus message file and mbox except stack-overflow.txt.</summary>
    [Benchmark]
    public int CorpusWithoutStackOverflow()
    {
        var count = 0;
        foreach (var message in _corpusMessages)
        {
            MimeMessage.Parse(message);
            count++;
        }

        foreach (var mbox in _corpusMboxes)
        {
            count += ParseMbox(mbox);
        }

        return count;
    }

    /// <summary>Parses stack-overflow.txt and decodes its 135 KB To: field of encoded-words into addresses.</summary>
    [Benchmark]
    public int StackOverflowAddresses() => MimeMessage.Parse(_stackOverflow).Headers.GetAddresses("To").Mailboxes.Count;

    private static int ParseMbox(byte[] mbox)
    {
        var count = 0;
        foreach (var entry in MboxReader.Split(mbox))
        {
            MimeMessage.Parse(mbox.AsMemory(entry.Range));
            count++;
        }

        return count;
    }

    private static int CountParts(MimeMessage message) => message.EnumerateParts().Count();

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark self-check failed: " + what);
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn());
    }
}
