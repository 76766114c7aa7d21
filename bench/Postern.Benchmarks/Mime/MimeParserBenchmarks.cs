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

        Check(StartrekEml() == 10, "startrek.eml has 10 parts");
        Check(ContentLengthMbox() == 29, "content-length.mbox.txt has 29 messages");
        Check(StackOverflowAddresses() == 2, "stack-overflow.txt's To: holds 2 entries");
        Check(CorpusWithoutStackOverflow() == 91, "the corpus without stack-overflow.txt has 91 messages (51 files, 40 in mboxes)");
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

    /// <summary>The input size of each benchmark, for the MB/s column.</summary>
    private static long? InputBytes(string method) => method switch
    {
        nameof(StartrekEml) => new FileInfo(Path.Combine(MimeCorpus.Root, "benchmark", "startrek.eml")).Length,
        nameof(ContentLengthMbox) => new FileInfo(Path.Combine(MimeCorpus.Root, "mbox", "content-length.mbox.txt")).Length,
        nameof(StackOverflowAddresses) => new FileInfo(Path.Combine(MimeCorpus.Root, "messages", "stack-overflow.txt")).Length,
        nameof(CorpusWithoutStackOverflow) => MimeCorpus.MessageFiles().Where(f => !f.EndsWith("stack-overflow.txt", StringComparison.Ordinal))
            .Concat(MimeCorpus.MboxFiles()).Sum(f => new FileInfo(f).Length),
        _ => null,
    };

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
        public Config() => AddColumn(new ThroughputColumn(InputBytes));
    }
}
