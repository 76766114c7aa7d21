using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Postern.Ximss.Tcp;

/// <summary>
/// Connection middleware for the HTTP port: when the first byte a client sends is <c>&lt;</c>, the
/// connection is XIMSS and goes to <see cref="XimssConnectionHandler"/>; anything else goes on to HTTP
/// (CGP Guide, XIMSS module, "XIMSS Connections to Other Modules").
/// </summary>
/// <remarks>
/// The byte is peeked, not consumed: the input is advanced to where it started, so whoever reads next
/// sees every byte. A client silent for <see cref="XimssServerLimits.FirstByteTimeout"/> is handed to
/// HTTP, whose own keep-alive timeout then applies (browsers open connections before they need them).
/// </remarks>
/// <param name="ximss">Where XIMSS connections go (<see cref="XimssConnectionHandler.OnConnectedAsync"/>).</param>
/// <param name="firstByteTimeout">How long to wait for the first byte (<see cref="XimssServerLimits.FirstByteTimeout"/>).</param>
/// <param name="time">The clock of the timeout.</param>
public sealed class XimssFirstByteMiddleware(ConnectionDelegate ximss, TimeSpan firstByteTimeout, TimeProvider time)
{
    private const int Waiting = 0;
    private const int Decided = 1;
    private const int TimedOut = 2;

    public async Task InvokeAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(next);
        var input = connection.Transport.Input;
        var state = Waiting;
        ReadResult result;
        using (time.CreateTimer(_ =>
        {
            if (Interlocked.CompareExchange(ref state, TimedOut, Waiting) == Waiting)
                input.CancelPendingRead();
        }, null, firstByteTimeout, Timeout.InfiniteTimeSpan))
        {
            result = await input.ReadAsync();
        }

        if (Interlocked.CompareExchange(ref state, Decided, Waiting) == TimedOut && !result.IsCanceled)
        {
            // The timer fired just after the bytes came: take its cancellation now, so the next reader does not see it.
            input.AdvanceTo(result.Buffer.Start);
            result = await input.ReadAsync();
        }

        // An empty buffer here means the client said nothing in time (or left): HTTP deals with it. So does a read the
        // timer cancelled, even if bytes slipped in between the timer and this line: the client was silent at the deadline.
        var isXimss = !result.IsCanceled && new SequenceReader<byte>(result.Buffer).TryPeek(out var first) && first == (byte)'<';
        // Nothing consumed, nothing examined: the next ReadAsync returns the same bytes at once.
        input.AdvanceTo(result.Buffer.Start);
        if (isXimss)
            await ximss(connection);
        else
            await next(connection);
    }
}
