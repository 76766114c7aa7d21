using Postern.Sessions;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Http;

/// <summary>What the HTTP binding keeps for a session it created: the poll queue, which is the session's asynchronous sink.</summary>
internal sealed class HttpSessionState(int maxPendingAsyncBytes) : IXimssAsyncSink
{
    public AsyncBatchQueue Queue { get; } = new(maxPendingAsyncBytes);

    public bool Deliver(ReadOnlySpan<byte> messages) => Queue.Append(messages);

    public void Close(SessionEndReason reason) => Queue.Close();
}
