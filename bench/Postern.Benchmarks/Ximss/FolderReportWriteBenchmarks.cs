using System.Buffers;
using BenchmarkDotNet.Attributes;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Values;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Benchmarks.Ximss;

/// <summary>
/// Writing one <c>folderBrowse</c> page: 50 <c>folderReport</c>s carrying Samoware's fields (flags,
/// parsed addresses, subject, dates, size, headers), each frame zero-terminated, into a reused buffer.
/// </summary>
[MemoryDiagnoser]
public class FolderReportWriteBenchmarks
{
    private const int Reports = 50;

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly XimssXmlWriter _writer;
    private readonly Row[] _rows;

    public FolderReportWriteBenchmarks()
    {
        _writer = new XimssXmlWriter(_buffer);
        var offset = TimeSpan.FromHours(3);
        _rows = Enumerable.Range(0, Reports).Select(i => new Row(
            (uint)(9000 + i),
            i % 3 == 0 ? MessageFlags.Seen : MessageFlags.Seen | MessageFlags.Flagged,
            ("Ivan Petrov " + i, $"ivan.petrov{i}@example.com"),
            [("Team", "team@example.com"), ("Анна Смирнова", "anna@example.ru")],
            $"Re: Quarterly report #{i} — figures & <draft> notes",
            new DateTimeOffset(2026, 5, 25, 8, 14, 40, offset).AddMinutes(-17 * i),
            10_000 + 37 * i,
            $"<{i}.report@example.com>")).ToArray();
    }

    [GlobalSetup]
    public void CheckOutput()
    {
        var bytes = WriteFiftyReports();
        var written = _buffer.WrittenSpan;
        var frames = 0;
        foreach (var frame in written.Split((byte)0))
        {
            var payload = written[frame];
            if (payload.IsEmpty)
                continue;
            if (!XimssXmlParser.TryParse(payload, out var element, out var error) || element.Children.Length != 9)
                throw new InvalidOperationException("A report did not come out as written: " + error?.Text);
            frames++;
        }

        if (frames != Reports || bytes != _buffer.WrittenCount)
            throw new InvalidOperationException($"Wrote {frames} reports, expected {Reports}.");
    }

    [Benchmark]
    public int WriteFiftyReports()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        for (var index = 0; index < _rows.Length; index++)
        {
            var row = _rows[index];
            _writer.WriteStartFolderReport("A002", "INBOX-MM-1", MessageReportMode.Browse, index, row.Uid);
            _writer.WriteFlagsField(row.Flags);
            _writer.WriteAddressField("E-From", row.From.Address, row.From.Name);
            _writer.WriteElementString("Subject", row.Subject);
            _writer.WriteTimeField("INTERNALDATE", row.Received, includeTimeShift: false);
            _writer.WriteStartElement("SIZE");
            _writer.WriteNumber(row.Size);
            _writer.WriteEndElement();
            foreach (var (name, address) in row.To)
                _writer.WriteAddressField("E-To", address, name);
            _writer.WriteElementString("Message-ID", row.MessageId);
            _writer.WriteElementString("Content-Type", "text/plain");
            _writer.WriteEndElement();
            _writer.WriteFrameTerminator();
        }

        return _buffer.WrittenCount;
    }

    private sealed record Row(
        uint Uid,
        MessageFlags Flags,
        (string Name, string Address) From,
        (string Name, string Address)[] To,
        string Subject,
        DateTimeOffset Received,
        long Size,
        string MessageId);
}
