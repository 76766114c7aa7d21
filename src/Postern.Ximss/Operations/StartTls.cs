using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>starttls</c>: answers, then the TCP transport starts the TLS handshake on the same connection
/// (docs/ximss.md §1). Refused on a channel that is secure already or has no certificate, and on HTTP.
/// </summary>
internal sealed class StartTls : XimssOperationHandler<StartTlsRequest>
{
    public override ValueTask<XimssResult> ExecuteAsync(StartTlsRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var channel = context.Channel;
        if (!channel.CanStartTls || channel.IsSecure)
            return ValueTask.FromResult<XimssResult>(XimssError.StartTlsUnavailable);
        channel.FollowUp = ChannelFollowUp.StartTls;
        return ValueTask.FromResult(XimssResult.Ok);
    }
}
