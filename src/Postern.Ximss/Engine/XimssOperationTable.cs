using System.Collections.Frozen;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Engine;

/// <summary>The registered handlers, found by request type.</summary>
public sealed class XimssOperationTable
{
    private readonly FrozenDictionary<Type, XimssOperationHandler> _handlers;

    public XimssOperationTable(IEnumerable<XimssOperationHandler> handlers)
    {
        var byType = new Dictionary<Type, XimssOperationHandler>();
        foreach (var handler in handlers)
        {
            if (!byType.TryAdd(handler.RequestType, handler))
                throw new InvalidOperationException($"Two handlers are registered for {handler.RequestType.Name}.");
        }
        _handlers = byType.ToFrozenDictionary();
    }

    /// <summary>The request types that have a handler.</summary>
    public IEnumerable<Type> RequestTypes => _handlers.Keys;

    /// <summary>The handler of a request, or null when the server does not implement that operation.</summary>
    public XimssOperationHandler? Find(XimssRequest request) => _handlers.GetValueOrDefault(request.GetType());
}
