using Postern.Accounts;
using Postern.Accounts.Passwords;
using Postern.Accounts.Security;
using Postern.Ximss.Authentication;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Sasl;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>listFeatures</c> → <c>features</c>: <c>starttls</c> when this channel can start TLS, the SASL
/// mechanisms, a <c>nonce</c> for the HTTP CRAM-MD5 login (HTTP only), the UI languages, and <c>signup</c>
/// when the domain allows self-registration (docs/ximss.md §5.1, §7.3).
/// </summary>
internal sealed class ListFeatures(DomainService domains, NonceCache nonces, XimssOptions options, PasswordOptions passwords)
    : XimssOperationHandler<ListFeaturesRequest>
{
    public override async ValueTask<XimssResult> ExecuteAsync(ListFeaturesRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var channel = context.Channel;
        var domain = await domains.FindAsync(request.Domain ?? channel.DefaultDomain ?? "", cancellationToken)
            ?? await domains.FindAsync(await domains.GetMainDomainNameAsync(cancellationToken) ?? "", cancellationToken);

        // CGP's order (seed example), without the mechanisms Postern does not offer; CRAM-MD5 only while accounts keep its secret.
        List<string> mechanisms = [SaslMechanismNames.ToName(SaslMechanism.Login), SaslMechanismNames.ToName(SaslMechanism.Plain)];
        if (passwords.EnableCramMd5)
            mechanisms.Add(SaslMechanismNames.ToName(SaslMechanism.CramMd5));

        context.Writer.WriteFeatures(request.Id, new FeatureSet
        {
            Domain = domain?.Name,
            StartTls = channel.CanStartTls && !channel.IsSecure,
            SaslMechanisms = mechanisms,
            // The nonce serves only the HTTP login's CRAM-MD5 form (docs/ximss.md §2); a TCP channel uses SASL.
            Nonce = channel.Transport == XimssTransport.Http && passwords.EnableCramMd5 ? nonces.Issue() : null,
            Languages = options.OfferedLanguages,
            Signup = domain is not null && SelfSignup.IsAllowed(domain),
        });
        return XimssResult.Ok;
    }
}
