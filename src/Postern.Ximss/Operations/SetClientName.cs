using Microsoft.Extensions.Logging;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>setClientName name</c>: names the client application in the access monitor and the log (docs/ximss.md §5.2).</summary>
internal sealed class SetClientName(ILoggerFactory loggers) : XimssOperationHandler<SetClientNameRequest>
{
    // A client name is a product name and version; longer text is cut, not refused.
    private const int MaxClientNameLength = 128;

    private readonly ILogger _log = loggers.CreateLogger(XimssLog.SessionCategory);

    public override ValueTask<XimssResult> ExecuteAsync(SetClientNameRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var name = request.Name.Length > MaxClientNameLength ? request.Name[..MaxClientNameLength] : request.Name;
        context.RequiredSession.ClientName = name;
        XimssLog.ClientNamed(_log, name);
        return ValueTask.FromResult(XimssResult.Ok);
    }
}
