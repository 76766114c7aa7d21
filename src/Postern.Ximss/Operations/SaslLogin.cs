using System.Text;
using Postern.Accounts;
using Postern.Ximss.Authentication;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Sasl;

namespace Postern.Ximss.Operations;

/// <summary>Moves a SASL exchange one step on, for <see cref="Authenticate"/> and <see cref="Auth"/> (docs/ximss.md §6).</summary>
internal sealed class SaslLogin(Authenticator authenticator, LoginService logins)
{
    /// <summary>Acts on a step: sends a challenge (no response yet), or checks the credentials and logs in, or fails.</summary>
    internal async ValueTask<XimssResult> HandleAsync(string id, SaslStep step, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var channel = context.Channel;
        switch (step.Kind)
        {
            case SaslStepKind.Challenge:
                context.Writer.WriteChallenge(id, step.Challenge!);
                return XimssResult.NoResponseYet;

            case SaslStepKind.Failed:
                channel.Sasl = null;
                return step.Error!;

            default:
                channel.Sasl = null;
                var credentials = step.Credentials!;
                // Acting as another user (a PLAIN authorization identity, RFC 4616 §2) is not offered.
                if (credentials is PasswordCredentials { AuthorizationId: { } other } && !SameName(other, credentials.UserName))
                    return await logins.FailAsync(channel.RemoteAddress, credentials.UserName, "authorization identity " + other, cancellationToken);
                var error = await logins.LoginAsync(channel, id, credentials.UserName, token => VerifyAsync(credentials, channel.DefaultDomain, token),
                    fixedAddress: true, context.Writer, cancellationToken);
                return error is null ? XimssResult.Ok : error;
        }
    }

    private Task<AuthenticationResult> VerifyAsync(SaslCredentials credentials, string? defaultDomain, CancellationToken cancellationToken) => credentials switch
    {
        CramMd5Credentials cram => authenticator.VerifyCramMd5Async(cram.UserName, Encoding.UTF8.GetBytes(cram.Challenge), cram.Digest, defaultDomain, cancellationToken),
        PasswordCredentials password => authenticator.VerifyPasswordAsync(password.UserName, password.Password, defaultDomain, cancellationToken),
        _ => throw new InvalidOperationException($"Unexpected credentials {credentials.GetType().Name}."),
    };

    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
