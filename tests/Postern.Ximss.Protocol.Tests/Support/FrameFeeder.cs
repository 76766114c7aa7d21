using System.Buffers;
using System.Text;
using Postern.Ximss.Protocol.Framing;

namespace Postern.Ximss.Protocol.Tests.Support;

/// <summary>
/// Plays a connection through <see cref="XimssFrameReader"/> the way a pipe would: chunks arrive one at a
/// time, unconsumed bytes are kept (still in separate segments), and every outcome is recorded as text:
/// <c>frame:&lt;xml&gt;</c>, <c>policy</c>, or <c>error:&lt;errorNum&gt;</c>.
/// </summary>
internal static class FrameFeeder
{
    public static List<string> Feed(IEnumerable<byte[]> chunks, XimssLimits? limits = null)
    {
        var reader = new XimssFrameReader(limits);
        var pending = new List<byte[]>();
        var outcomes = new List<string>();
        foreach (var chunk in chunks)
        {
            if (chunk.Length == 0)
                continue;
            pending.Add(chunk);
            var buffer = Segments.Of(pending);
            var input = new SequenceReader<byte>(buffer);
            while (true)
            {
                var status = reader.TryRead(ref input, out var frame, out var error);
                if (status == FrameStatus.NeedMoreData)
                    break;
                outcomes.Add(status == FrameStatus.Error ? $"error:{error!.Number}"
                    : frame.IsFlashPolicyRequest ? "policy"
                    : "frame:" + Encoding.UTF8.GetString(frame.Payload));
            }

            pending.Clear();
            foreach (var segment in buffer.Slice(input.Position))
                pending.Add(segment.ToArray());
        }

        return outcomes;
    }

    public static List<string> FeedWhole(byte[] input, XimssLimits? limits = null) => Feed([input], limits);

    public static List<string> FeedByteByByte(byte[] input, XimssLimits? limits = null) =>
        Feed(input.Select(b => new[] { b }), limits);

    public static List<string> FeedSplitAt(byte[] input, int offset, XimssLimits? limits = null) =>
        Feed([input[..offset], input[offset..]], limits);
}
