using Microsoft.Extensions.Logging;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>recoverPassword</c>: Postern never keeps a password it could send back, and has no outgoing mail
/// path yet to send a reset code to the account's recovery address, so recovery is not available; the
/// answer is the same whether or not the account exists, so it tells nothing about account names
/// (docs/ximss.md §5.1).
/// </summary>
internal sealed class RecoverPassword(ILoggerFactory loggers) : XimssOperationHandler<RecoverPasswordRequest>
{
    private readonly ILogger _log = loggers.CreateLogger(XimssLog.ListenerCategory);

    public override ValueTask<XimssResult> ExecuteAsync(RecoverPasswordRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        XimssLog.RecoveryUnavailable(_log, context.Channel.RemoteAddress, request.Domain is null ? request.UserName : request.UserName + "@" + request.Domain);
        return ValueTask.FromResult<XimssResult>(XimssError.RecoveryUnavailable);
    }
}
