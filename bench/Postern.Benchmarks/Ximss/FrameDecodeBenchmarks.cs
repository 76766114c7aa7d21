using System.Buffers;
using BenchmarkDotNet.Attributes;
using Postern.Ximss.Protocol.Framing;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Benchmarks.Ximss;

/// <summary>
/// The XIMSS receive path end to end: split frames at the zero bytes, parse each frame's XML, build the
/// typed request. Each benchmark returns how many requests it decoded.
/// </summary>
[MemoryDiagnoser]
public class FrameDecodeBenchmarks
{
    private readonly byte[] _noops = XimssBenchmarkData.NoopStream;
    private readonly byte[] _folderOpen = XimssBenchmarkData.SamowareFolderOpenFrame;
    private readonly byte[] _batch = XimssBenchmarkData.SamowareBatch;

    [GlobalSetup]
    public void CheckOutput()
    {
        Check(PipelinedNoops(), XimssBenchmarkData.PipelinedNoops, nameof(PipelinedNoops));
        Check(SamowareFolderOpenFrame(), 1, nameof(SamowareFolderOpenFrame));
        Check(SamowareHttpBatch(), 5, nameof(SamowareHttpBatch));
    }

    /// <summary>1,000 pipelined <c>noop</c> frames in one buffer, as a burst from one read.</summary>
    [Benchmark]
    public int PipelinedNoops() => DecodeFrames(_noops);

    /// <summary>Samoware's <c>folderOpen</c> of the inbox with its 15 fields, as one TCP frame.</summary>
    [Benchmark]
    public int SamowareFolderOpenFrame() => DecodeFrames(_folderOpen);

    /// <summary>Samoware's five-request start-up batch as an HTTP-binding body.</summary>
    [Benchmark]
    public int SamowareHttpBatch()
    {
        if (!XimssContainer.TryParse(new ReadOnlySequence<byte>(_batch), out var container, out _))
            return -1;
        var decoded = 0;
        foreach (var element in container.Requests)
        {
            if (XimssRequestParser.Parse(element, authenticated: true).Succeeded)
                decoded++;
        }

        return decoded;
    }

    private static int DecodeFrames(byte[] bytes)
    {
        var frames = new XimssFrameReader();
        var input = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        var decoded = 0;
        while (frames.TryRead(ref input, out var frame, out _) == FrameStatus.Frame)
        {
            if (XimssRequestParser.Parse(frame, authenticated: true).Succeeded)
                decoded++;
        }

        return decoded;
    }

    private static void Check(int decoded, int expected, string scenario)
    {
        if (decoded != expected)
            throw new InvalidOperationException($"{scenario} decoded {decoded} requests, expected {expected}.");
    }
}
