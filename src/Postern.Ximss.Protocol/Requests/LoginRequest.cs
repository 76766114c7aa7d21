using System.Text;

namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;login id authData password/&gt;</c>: plain-password login → <c>session</c> (docs/ximss.md §6).</summary>
/// <remarks>
/// A <c>login</c> with a <c>method</c> attribute is the Flash library's SASL form and parses as an
/// <see cref="AuthenticateRequest"/> instead. <c>userName</c> is accepted for <c>authData</c>, as on the HTTP login URL.
/// The password never appears in <see cref="object.ToString"/>.
/// </remarks>
/// <param name="Id">The request id.</param>
/// <param name="AuthData">The account name, optionally with <c>@domain</c>.</param>
/// <param name="Password">The password, in clear (protect the channel with TLS).</param>
public sealed record LoginRequest(string Id, string AuthData, string Password) : XimssRequest(Id)
{
    internal static LoginRequest Parse(RequestElementReader reader)
    {
        var authData = reader.Optional("authData") ?? reader.Optional("userName");
        if (authData is null)
            reader.Fail(XimssError.MissingAttribute("authData"));
        return new(reader.Id, authData ?? "", reader.RequiredAllowEmpty("password"));
    }

    /// <summary>Prints the members for <see cref="object.ToString"/>, leaving secrets out.</summary>
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", AuthData = ").Append(AuthData).Append(", Password = (hidden)");
        return true;
    }
}
