using Postern.Mail.SelfService;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>signup</c>: creates an account with its default mailboxes when the domain allows self-registration,
/// through the sign-up WebUser's <c>Signup.wssp</c> uses too (<see cref="AccountSignup"/>); the client
/// then logs in as usual (docs/ximss.md §5.1).
/// </summary>
internal sealed class Signup(AccountSignup signup) : XimssOperationHandler<SignupRequest>
{
    public override async ValueTask<XimssResult> ExecuteAsync(SignupRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var channel = context.Channel;
        var form = new SignupForm(request.UserName, request.Domain, request.Password, request.RealName, request.RecoveryAddress);
        var result = await signup.SignUpAsync(form, channel.DefaultDomain, channel.RemoteAddress, cancellationToken);
        return result.Refusal switch
        {
            SignupRefusal.None => XimssResult.Ok,
            SignupRefusal.NotAllowed => XimssError.SignupNotAllowed,
            SignupRefusal.InvalidName => XimssError.InvalidAttribute("userName", result.Problem),
            SignupRefusal.InvalidRealName => XimssError.InvalidAttribute("realName", result.Problem),
            SignupRefusal.InvalidRecoveryAddress => XimssError.InvalidAttribute("recoverPassword", result.Problem),
            SignupRefusal.RateExceeded => XimssError.SignupRateExceeded,
            SignupRefusal.AccountExists => XimssError.AccountExists,
            _ => XimssError.PasswordRejected,
        };
    }
}
