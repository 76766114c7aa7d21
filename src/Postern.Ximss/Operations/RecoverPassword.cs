using Postern.Mail.SelfService;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>recoverPassword</c>: mails a one-time password reset link to the account's recovery address, through
/// the recovery WebUser's <c>RecoveryPassword.wssp</c> uses too (<see cref="PasswordRecovery"/>). The answer
/// is the same whether or not the account exists or has an address, so it tells nothing about account
/// names (docs/ximss.md §5.1).
/// </summary>
internal sealed class RecoverPassword(PasswordRecovery recovery) : XimssOperationHandler<RecoverPasswordRequest>
{
    public override async ValueTask<XimssResult> ExecuteAsync(RecoverPasswordRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var channel = context.Channel;
        var name = request.Domain is null ? request.UserName : request.UserName + "@" + request.Domain;
        // The link points at the WebUser pages; XIMSS knows no web address of its own (Postern:Accounts:PublicWebAddress sets one).
        var outcome = (await recovery.RequestAsync(name, channel.DefaultDomain, channel.RemoteAddress, null, cancellationToken)).Outcome;
        return outcome switch
        {
            RecoveryOutcome.Accepted => XimssResult.Ok,
            RecoveryOutcome.NotAllowed => XimssError.RecoveryUnavailable,
            _ => XimssError.RecoveryRateExceeded,
        };
    }
}
