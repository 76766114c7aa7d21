using System.Buffers;
using System.Text;
using System.Text.Unicode;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Benchmarks.Ximss;

/// <summary>
/// How the frame parser compares with the alternatives, on a small frame (<c>noop</c>) and Samoware's
/// <c>folderOpen</c>: our locked-down <see cref="XmlReader"/> building the element tree; the bare
/// reader walking the nodes without a tree; LINQ to XML with the same settings; and the floor any
/// hand-rolled parser must pay (UTF-8 validation plus one pass over the bytes).
/// </summary>
[MemoryDiagnoser]
public class XmlParserBenchmarks
{
    private static readonly XmlReaderSettings s_settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    private byte[] _frame = [];

    [Params("noop", "folderOpen")]
    public string Frame { get; set; } = "noop";

    [GlobalSetup]
    public void Setup()
    {
        var folderOpen = XimssBenchmarkData.SamowareFolderOpenFrame;
        _frame = Frame == "noop" ? "<noop id=\"A0001\"/>"u8.ToArray() : folderOpen[..^1];
        if (ElementTree() is not ("noop" or "folderOpen") || BareReader() < 1 || LinqToXml() is not ("noop" or "folderOpen"))
            throw new InvalidOperationException("A parser did not read the frame.");
    }

    /// <summary>What Postern uses: <see cref="XimssXmlParser"/> (secure settings, immutable tree).</summary>
    [Benchmark(Baseline = true)]
    public string ElementTree() => XimssXmlParser.TryParse(new ReadOnlySequence<byte>(_frame), out var element, out _) ? element.Name : "";

    /// <summary>The same reader walking the nodes, building nothing: the reader's own cost.</summary>
    [Benchmark]
    public int BareReader()
    {
        using var reader = XmlReader.Create(new StringReader(Encoding.UTF8.GetString(_frame)), s_settings);
        var nodes = 0;
        while (reader.Read())
            nodes++;
        return nodes;
    }

    /// <summary>LINQ to XML over the same reader settings.</summary>
    [Benchmark]
    public string LinqToXml()
    {
        using var reader = XmlReader.Create(new StringReader(Encoding.UTF8.GetString(_frame)), s_settings);
        return XDocument.Load(reader).Root!.Name.LocalName;
    }

    /// <summary>The floor for a hand-rolled reader: validate UTF-8 and look at every markup byte once.</summary>
    [Benchmark]
    public int HandRolledFloor() => Utf8.IsValid(_frame) ? _frame.AsSpan().Count((byte)'<') : -1;
}
