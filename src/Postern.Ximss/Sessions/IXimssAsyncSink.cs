using Postern.Sessions;

namespace Postern.Ximss.Sessions;

/// <summary>Where a session's asynchronous messages go: its TCP connection, or the HTTP binding's poll queue.</summary>
internal interface IXimssAsyncSink
{
    /// <summary>
    /// Takes one or more complete messages, each followed by its zero byte (the TCP framing; the HTTP
    /// queue drops the zero bytes). Must not block: the caller may be the change notifier's loop.
    /// </summary>
    /// <returns>False when the client has let too much pile up; the session then ends.</returns>
    bool Deliver(ReadOnlySpan<byte> messages);

    /// <summary>The session ended: wake whoever waits for messages.</summary>
    void Close(SessionEndReason reason);
}
