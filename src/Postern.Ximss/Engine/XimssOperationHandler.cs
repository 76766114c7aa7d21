using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Engine;

/// <summary>Runs one kind of request. Register handlers with <see cref="XimssServiceCollectionExtensions.AddXimssOperation{T}"/>.</summary>
/// <remarks>
/// Handlers are singletons shared by every session: keep per-session state on the
/// <see cref="Sessions.XimssSession"/> (see <see cref="Sessions.XimssSession.GetState{T}"/>), not in fields.
/// </remarks>
public abstract class XimssOperationHandler
{
    internal abstract Type RequestType { get; }

    internal abstract ValueTask<XimssResult> RunAsync(XimssRequest request, XimssRequestContext context, CancellationToken cancellationToken);
}

/// <summary>The handler of <typeparamref name="TRequest"/>: named like it (<c>FolderOpenRequest</c> → <c>FolderOpen</c>).</summary>
public abstract class XimssOperationHandler<TRequest> : XimssOperationHandler
    where TRequest : XimssRequest
{
    internal sealed override Type RequestType => typeof(TRequest);

    /// <summary>
    /// Runs the request: write data messages (with the request's <c>id</c>) to
    /// <see cref="XimssRequestContext.Writer"/> and return how it ended; the dispatcher writes the final
    /// response. The state gate has already run: a handler of an after-login operation always has a session.
    /// </summary>
    public abstract ValueTask<XimssResult> ExecuteAsync(TRequest request, XimssRequestContext context, CancellationToken cancellationToken);

    internal sealed override ValueTask<XimssResult> RunAsync(XimssRequest request, XimssRequestContext context, CancellationToken cancellationToken) =>
        ExecuteAsync((TRequest)request, context, cancellationToken);
}
