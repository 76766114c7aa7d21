using System.Buffers;

namespace Postern.Ximss.Protocol.Framing;

/// <summary>
/// Splits a XIMSS byte stream into frames: each message is a UTF-8 text ended by one zero byte
/// (CGP Guide, XMLAPI.html: "Each message is a text string ending with a binary zero byte").
/// </summary>
/// <remarks>
/// <para>Sans-I/O: the caller hands in whatever bytes it has and owns <c>AdvanceTo</c>. After each
/// call, everything before <c>input.Position</c> is consumed and everything after it must be kept:</para>
/// <code>
/// var input = new SequenceReader&lt;byte&gt;(result.Buffer);
/// while (frames.TryRead(ref input, out var frame, out var error) != FrameStatus.NeedMoreData)
///     ...handle frame or error...
/// pipe.AdvanceTo(input.Position, result.Buffer.End);
/// </code>
/// <para>Whitespace (including CRLF) before a frame is skipped, and frames holding only whitespace
/// are dropped, so clients that add line breaks between messages work. A frame longer than
/// <see cref="XimssLimits.MaxFrameBytes"/> yields one <see cref="XimssError.FrameTooLarge"/> error;
/// the reader then discards input up to and including the next zero byte and carries on with the
/// frame after it (<see cref="IsResynchronizing"/> is true meanwhile).</para>
/// <para>One reader per connection. Between calls the caller must keep every byte the reader did not
/// consume and pass it again at the start of the next input (as a pipe does); the reader remembers how
/// far into that pending frame it has already looked.</para>
/// </remarks>
public sealed class XimssFrameReader
{
    private const byte Terminator = 0;
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    private readonly int _maxFrameBytes;

    // How many bytes of the pending (unconsumed) frame are known to hold no zero byte. Searching resumes
    // there, so a frame that trickles in a byte at a time costs linear, not quadratic, time.
    private long _examined;

    /// <summary>Creates a reader that enforces <paramref name="limits"/> (default <see cref="XimssLimits.Default"/>).</summary>
    public XimssFrameReader(XimssLimits? limits = null)
    {
        _maxFrameBytes = (limits ?? XimssLimits.Default).MaxFrameBytes;
    }

    /// <summary>True while the reader is discarding the rest of an oversized frame.</summary>
    public bool IsResynchronizing { get; private set; }

    /// <summary>Reads the next frame from <paramref name="input"/>, advancing it past what was consumed.</summary>
    /// <returns>
    /// <see cref="FrameStatus.Frame"/> with <paramref name="frame"/> set; <see cref="FrameStatus.Error"/>
    /// with <paramref name="error"/> set; or <see cref="FrameStatus.NeedMoreData"/> when the input ends
    /// inside a frame.
    /// </returns>
    public FrameStatus TryRead(ref SequenceReader<byte> input, out XimssFrame frame, out XimssError? error)
    {
        frame = default;
        error = null;
        while (true)
        {
            if (IsResynchronizing && !TrySkipPastTerminator(ref input))
                return FrameStatus.NeedMoreData;

            // Whitespace between frames belongs to no frame: consume it even when no frame follows yet.
            input.AdvancePastAny(Whitespace);
            if (input.End)
                return FrameStatus.NeedMoreData;

            if (!TryReadPayload(ref input, out var payload))
            {
                if (input.Remaining <= _maxFrameBytes)
                    return FrameStatus.NeedMoreData;

                // Over the limit with no terminator in sight: drop what we hold and skip to the next zero byte.
                input.AdvanceToEnd();
                _examined = 0;
                IsResynchronizing = true;
                error = XimssError.FrameTooLarge;
                return FrameStatus.Error;
            }

            if (payload.Length > _maxFrameBytes)
            {
                error = XimssError.FrameTooLarge;
                return FrameStatus.Error;
            }

            // A zero byte right after the whitespace: an empty frame, which carries no message.
            if (payload.IsEmpty)
                continue;

            frame = new XimssFrame(payload);
            return FrameStatus.Frame;
        }
    }

    private bool TryReadPayload(ref SequenceReader<byte> input, out ReadOnlySequence<byte> payload)
    {
        var unread = input.UnreadSequence;
        var examined = Math.Min(_examined, unread.Length);
        if (unread.Slice(examined).PositionOf(Terminator) is not { } terminator)
        {
            _examined = unread.Length;
            payload = default;
            return false;
        }

        _examined = 0;
        payload = unread.Slice(0, terminator);
        input.Advance(payload.Length + 1);
        return true;
    }

    private bool TrySkipPastTerminator(ref SequenceReader<byte> input)
    {
        if (input.TryAdvanceTo(Terminator, advancePastDelimiter: true))
        {
            IsResynchronizing = false;
            return true;
        }

        input.AdvanceToEnd();
        return false;
    }
}
