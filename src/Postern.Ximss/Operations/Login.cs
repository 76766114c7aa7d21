using Postern.Accounts;
using Postern.Ximss.Authentication;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary><c>login authData password</c>: a plain-password login → <c>session</c> (docs/ximss.md §6).</summary>
internal sealed class Login(Authenticator authenticator, LoginService logins) : XimssOperationHandler<LoginRequest>
{
    public override async ValueTask<XimssResult> ExecuteAsync(LoginRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var channel = context.Channel;
        if (!channel.CanLogin)
            return XimssError.OperationUnavailable;
        var error = await logins.LoginAsync(channel, request.Id, request.AuthData,
            token => authenticator.VerifyPasswordAsync(request.AuthData, request.Password, channel.DefaultDomain, token),
            fixedAddress: true, context.Writer, cancellationToken);
        return error is null ? XimssResult.Ok : error;
    }
}
