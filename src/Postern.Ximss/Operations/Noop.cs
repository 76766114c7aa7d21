using Postern.Ximss.Engine;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>noop</c>: does nothing; the dispatcher has already counted it as activity (CGP XMLAPI keep-alive).</summary>
internal sealed class Noop : XimssOperationHandler<NoopRequest>
{
    public override ValueTask<XimssResult> ExecuteAsync(NoopRequest request, XimssRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(XimssResult.Ok);
}
