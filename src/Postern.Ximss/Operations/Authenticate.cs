using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Sasl;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>authenticate method</c>, or <c>login method</c> (the Flash library's form): starts a SASL exchange
/// that <c>auth</c> continues (docs/ximss.md §6).
/// </summary>
internal sealed class Authenticate(SaslLogin sasl, XimssOptions options) : XimssOperationHandler<AuthenticateRequest>
{
    public override ValueTask<XimssResult> ExecuteAsync(AuthenticateRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var channel = context.Channel;
        if (!channel.CanLogin)
            return ValueTask.FromResult<XimssResult>(XimssError.OperationUnavailable);
        // A new exchange abandons the one in progress; its request still gets its one response.
        if (channel.Sasl is { } abandoned)
            context.Writer.WriteResponse(abandoned.Id, XimssError.AuthenticationCancelled);

        var exchange = new SaslServerExchange(request.Mechanism, options.ServerName);
        channel.Sasl = (request.Id, exchange);
        return sasl.HandleAsync(request.Id, exchange.Start(request.InitialResponse), context, cancellationToken);
    }
}
