namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;recoverPassword id [domain] userName/&gt;</c>: asks the server to help a user who forgot the
/// password (docs/ximss.md §5.1; Pronto! posts it to <c>/ximssLogin/</c> before login).
/// </summary>
/// <param name="Id">The request id.</param>
/// <param name="Domain">The account's domain; null for the server's main domain.</param>
/// <param name="UserName">The account name (or <c>name@domain</c>).</param>
public sealed record RecoverPasswordRequest(string Id, string? Domain, string UserName) : XimssRequest(Id)
{
    internal static RecoverPasswordRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Optional("domain"), reader.Required("userName"));
}
