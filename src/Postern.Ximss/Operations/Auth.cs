using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>auth</c>: the client's answer to a SASL challenge, under the id of the exchange it continues (docs/ximss.md §6).</summary>
internal sealed class Auth(SaslLogin sasl) : XimssOperationHandler<AuthRequest>
{
    public override ValueTask<XimssResult> ExecuteAsync(AuthRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        if (context.Channel.Sasl is not { } exchange || exchange.Id != request.Id)
            return ValueTask.FromResult<XimssResult>(XimssError.NoAuthenticationInProgress);
        return sasl.HandleAsync(request.Id, exchange.Exchange.Continue(request.Response), context, cancellationToken);
    }
}
