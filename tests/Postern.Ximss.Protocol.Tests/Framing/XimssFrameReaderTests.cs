using System.Buffers;
using System.Text;
using Postern.Ximss.Protocol.Framing;
using Postern.Ximss.Protocol.Tests.Support;
using Postern.Testing;

namespace Postern.Ximss.Protocol.Tests.Framing;

public class XimssFrameReaderTests
{
    public static TheoryData<string> StreamCases() => new(StreamCase.LoadAll().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(StreamCases))]
    public void StreamGivesTheSameFramesWholeByteByByteAndSplitAtEveryOffset(string name)
    {
        var streamCase = StreamCase.LoadAll().Single(c => c.Name == name);
        var limits = streamCase.Limits;

        Assert.Equal(streamCase.Expected, FrameFeeder.FeedWhole(streamCase.Input, limits));
        Assert.Equal(streamCase.Expected, FrameFeeder.FeedByteByByte(streamCase.Input, limits));
        for (var offset = 1; offset < streamCase.Input.Length; offset++)
            Assert.Equal(streamCase.Expected, FrameFeeder.FeedSplitAt(streamCase.Input, offset, limits));
    }

    [Fact]
    public void IncompleteFrameIsLeftUnconsumed()
    {
        var bytes = "<noop id=\"1\"/>\0<noop"u8.ToArray();
        var input = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        var reader = new XimssFrameReader();

        Assert.Equal(FrameStatus.Frame, reader.TryRead(ref input, out _, out _));
        Assert.Equal(FrameStatus.NeedMoreData, reader.TryRead(ref input, out _, out _));
        Assert.Equal("<noop", Encoding.UTF8.GetString(input.UnreadSequence));
    }

    [Fact]
    public void OversizedFrameWithoutTerminatorIsConsumedAndTheReaderResynchronises()
    {
        var reader = new XimssFrameReader(new XimssLimits { MaxFrameBytes = 16 });
        var first = new SequenceReader<byte>(new ReadOnlySequence<byte>("<messageSubmit id"u8.ToArray()));

        Assert.Equal(FrameStatus.Error, reader.TryRead(ref first, out _, out var error));
        Assert.Same(XimssError.FrameTooLarge, error);
        Assert.True(first.End);
        Assert.True(reader.IsResynchronizing);

        var second = new SequenceReader<byte>(new ReadOnlySequence<byte>("=\"1\"/>\0<bye id=\"2\"/>\0"u8.ToArray()));
        Assert.Equal(FrameStatus.Frame, reader.TryRead(ref second, out var frame, out _));
        Assert.False(reader.IsResynchronizing);
        Assert.Equal("<bye id=\"2\"/>", Encoding.UTF8.GetString(frame.Payload));
    }

    [Fact]
    public void FrameTricklingInAByteAtATimeIsReadInLinearTime()
    {
        // 2 MiB arriving one byte per read: re-scanning the pending bytes on every read would look at
        // about 2 * 10^12 bytes (20 s here); resuming where the last search stopped looks at each once (0.1 s).
        const int size = 2 * 1024 * 1024;
        var bytes = new byte[size + 1];
        bytes.AsSpan(0, size).Fill((byte)'a');
        var reader = new XimssFrameReader();
        var consumed = 0;
        var frames = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (var available = 1; available <= bytes.Length; available++)
        {
            var input = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, consumed, available - consumed));
            while (reader.TryRead(ref input, out var frame, out _) == FrameStatus.Frame)
            {
                Assert.Equal(size, frame.Payload.Length);
                frames++;
            }

            consumed += (int)input.Consumed;
        }

        Assert.Equal(1, frames);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void DefaultLimitAcceptsAFrameOfFourMebibytes()
    {
        var payload = new byte[XimssLimits.Default.MaxFrameBytes];
        payload.AsSpan().Fill((byte)'a');
        var input = new SequenceReader<byte>(new ReadOnlySequence<byte>([.. payload, 0]));

        Assert.Equal(FrameStatus.Frame, new XimssFrameReader().TryRead(ref input, out var frame, out _));
        Assert.Equal(payload.Length, frame.Payload.Length);
    }

    private sealed record StreamCase(string Name, byte[] Input, List<string> Expected, XimssLimits? Limits)
    {
        public static IEnumerable<StreamCase> LoadAll()
        {
            var text = TestData.Text("Frames", "streams.txt");
            foreach (var block in text.Split("## ", StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var input = lines.Single(l => l.StartsWith("input: ", StringComparison.Ordinal))["input: ".Length..];
                var expected = lines.Where(l => l.StartsWith("expect: ", StringComparison.Ordinal))
                    .Select(l => Encoding.UTF8.GetString(WireText.Decode(l["expect: ".Length..])))
                    .ToList();
                var limit = lines.SingleOrDefault(l => l.StartsWith("limit: ", StringComparison.Ordinal));
                var limits = limit is null ? null : new XimssLimits { MaxFrameBytes = int.Parse(limit["limit: ".Length..]) };
                yield return new StreamCase(lines[0].Trim(), WireText.Decode(input), expected, limits);
            }
        }
    }
}
