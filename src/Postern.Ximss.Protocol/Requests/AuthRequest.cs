using System.Text;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;auth id&gt;BASE64&lt;/auth&gt;</c> or <c>&lt;auth id value="BASE64"/&gt;</c>: the client's answer
/// to a SASL challenge, under the id of the <see cref="AuthenticateRequest"/> it continues (docs/ximss.md §6).
/// </summary>
/// <param name="Id">The id of the exchange.</param>
/// <param name="Response">The base64 response; empty for an empty response, <c>*</c> to cancel (RFC 4422 §3.5).</param>
public sealed record AuthRequest(string Id, string Response) : XimssRequest(Id)
{
    /// <summary>True when the client cancels the exchange.</summary>
    public bool IsCancellation => Response == "*";

    internal static AuthRequest Parse(RequestElementReader reader) => new(reader.Id, reader.SaslPayload() ?? "");

    /// <summary>Prints the members for <see cref="object.ToString"/>, leaving secrets out.</summary>
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Response = (hidden)");
        return true;
    }
}
