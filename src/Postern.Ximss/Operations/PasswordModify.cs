using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Ximss.Authentication;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>passwordModify oldPassword newPassword [recoveryEmail]</c>: the user changes the account's password,
/// proving the old one (docs/ximss.md §5.2). A wrong old password counts as a failed login for the
/// address, so a stolen session cannot be used to guess the password.
/// </summary>
internal sealed class PasswordModify(Authenticator authenticator, AccountService accounts, LoginService logins, LoginThrottle throttle,
    ILoggerFactory loggers) : XimssOperationHandler<PasswordModifyRequest>
{
    private readonly ILogger _log = loggers.CreateLogger(XimssLog.SessionCategory);

    public override async ValueTask<XimssResult> ExecuteAsync(PasswordModifyRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var session = context.RequiredSession;
        var address = context.Channel.RemoteAddress;
        var name = session.Account.ToString();
        if (request.RecoveryEmail is { } recovery && !SelfSignup.IsValidRecoveryAddress(recovery))
            return XimssError.InvalidAttribute("recoveryEmail", "expected an e-mail address");
        if (throttle.IsLockedOut(address))
            return XimssError.LoginLockedOut;

        var check = await authenticator.VerifyPasswordAsync(name, request.OldPassword, null, cancellationToken);
        if (check.Account is not { } account)
            return await logins.FailAsync(address, name, "passwordModify with a wrong old password", cancellationToken);

        try
        {
            await accounts.SetPasswordAsync(account, request.NewPassword, cancellationToken);
        }
        catch (AccountsException)
        {
            return XimssError.PasswordRejected;
        }
        if (request.RecoveryEmail is { } recoveryAddress)
            await accounts.UpdateSettingsAsync(account, SelfSignup.RecoveryAddress(recoveryAddress), cancellationToken);
        XimssLog.PasswordChanged(_log);
        return XimssResult.Ok;
    }
}
