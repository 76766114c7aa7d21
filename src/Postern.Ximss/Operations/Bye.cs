using Postern.Sessions;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>bye</c>: ends the session; the server answers, then closes a TCP connection (docs/ximss.md §1).</summary>
internal sealed class Bye(SessionRegistry registry) : XimssOperationHandler<ByeRequest>
{
    public override ValueTask<XimssResult> ExecuteAsync(ByeRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        if (context.Session is { } session)
            registry.End(session, SessionEndReason.Logout);
        context.Channel.FollowUp = ChannelFollowUp.Close;
        return ValueTask.FromResult(XimssResult.Ok);
    }
}
