using System.Buffers;
using Postern.Ximss.Protocol.Framing;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Tests.Support;

namespace Postern.Ximss.Protocol.Tests.Framing;

/// <summary>Malformed frames through the whole decode path: frame reader, XML parser, request parser.</summary>
public class MalformedFrameTests
{
    private static readonly XimssLimits s_limits = new() { MaxFrameBytes = 200, MaxElementDepth = 8 };
    private static readonly byte[] s_next = "<noop id=\"next\"/>\0"u8.ToArray();

    public static TheoryData<string, int, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var row in TableFile.Rows("Frames", "malformed-frames.txt", 4))
            data.Add(row[0], int.Parse(row[1]), row[2], row[3]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MalformedFrameGivesOneErrorAndTheSessionReadsTheNextFrame(string state, int errorNumber, string errorText, string frame)
    {
        var authenticated = TableFile.IsAuthenticated(state);
        byte[] input = [.. WireText.Decode(frame), .. s_next];

        var whole = Decode([input], authenticated);
        Assert.Equal(2, whole.Count);
        Assert.Equal(errorNumber, whole[0].Error?.Number);
        Assert.StartsWith(errorText, whole[0].Error?.Text, StringComparison.Ordinal);
        Assert.IsType<NoopRequest>(whole[1].Request);

        var expected = whole.Select(Summary).ToList();
        Assert.Equal(expected, Decode(input.Select(b => new[] { b }), authenticated).Select(Summary));
        for (var offset = 1; offset < input.Length; offset++)
            Assert.Equal(expected, Decode([input[..offset], input[offset..]], authenticated).Select(Summary));
    }

    private static string Summary(Outcome outcome) =>
        outcome.Request is not null ? "request:" + outcome.Request : $"error:{outcome.Id}:{outcome.Error?.Number}:{outcome.Error?.Text}";

    // A connection loop in miniature: frames are decoded before the buffer is advanced past them.
    private static List<Outcome> Decode(IEnumerable<byte[]> chunks, bool authenticated)
    {
        var reader = new XimssFrameReader(s_limits);
        var outcomes = new List<Outcome>();
        var pending = Array.Empty<byte>();
        foreach (var chunk in chunks)
        {
            var buffer = new ReadOnlySequence<byte>([.. pending, .. chunk]);
            var input = new SequenceReader<byte>(buffer);
            while (reader.TryRead(ref input, out var frame, out var error) is var status && status != FrameStatus.NeedMoreData)
            {
                if (status == FrameStatus.Error)
                {
                    outcomes.Add(new Outcome(null, error, null));
                    continue;
                }

                var result = XimssRequestParser.Parse(frame, authenticated, s_limits);
                outcomes.Add(new Outcome(result.Request, result.Error, result.Id));
            }

            pending = buffer.Slice(input.Position).ToArray();
        }

        return outcomes;
    }

    private sealed record Outcome(XimssRequest? Request, XimssError? Error, string? Id);
}
