using System.Text;
using Postern.Ximss.Protocol.Sasl;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// Starts a SASL exchange, in either shape CGP clients use (docs/ximss.md §6): <c>&lt;authenticate id method/&gt;</c>
/// (reference form) or <c>&lt;login id method/&gt;</c> (Flash-library form). The server answers with
/// <c>challenge</c> messages and the client continues with <see cref="AuthRequest"/> under the same id.
/// </summary>
/// <param name="Id">The request id; the whole exchange and its final response use it.</param>
/// <param name="Mechanism">The SASL mechanism.</param>
/// <param name="InitialResponse">Base64 initial response (RFC 4422 §3.3) from a <c>value</c> attribute or the element text, if sent.</param>
/// <param name="Form">Which request shape started the exchange.</param>
public sealed record AuthenticateRequest(string Id, SaslMechanism Mechanism, string? InitialResponse, AuthenticateForm Form)
    : XimssRequest(Id)
{
    internal static AuthenticateRequest Parse(RequestElementReader reader, AuthenticateForm form)
    {
        var method = reader.Required("method");
        if (!SaslMechanismNames.TryParse(method, out var mechanism) && method.Length > 0)
            reader.Fail(XimssError.UnsupportedAuthenticationMethod);
        return new(reader.Id, mechanism, reader.SaslPayload(), form);
    }

    /// <summary>Prints the members for <see cref="object.ToString"/>, leaving secrets out.</summary>
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Mechanism = ").Append(Mechanism)
            .Append(", InitialResponse = ").Append(InitialResponse is null ? "(none)" : "(hidden)")
            .Append(", Form = ").Append(Form);
        return true;
    }
}
