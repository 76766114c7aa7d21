using System.Text;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;signup id [domain] userName password [realName] [recoverPassword]/&gt;</c>: creates an account
/// when the domain allows self-registration (docs/ximss.md §5.1). The password never appears in
/// <see cref="object.ToString"/>.
/// </summary>
/// <param name="Id">The request id.</param>
/// <param name="Domain">The domain to register in; null for the server's main domain.</param>
/// <param name="UserName">The account name wanted (the part before <c>@</c>, or a full <c>name@domain</c>).</param>
/// <param name="Password">The password for the new account.</param>
/// <param name="RealName">The user's name, when given.</param>
/// <param name="RecoveryAddress">An e-mail address for password recovery, when given (CGP's <c>recoverPassword</c> attribute).</param>
public sealed record SignupRequest(string Id, string? Domain, string UserName, string Password, string? RealName, string? RecoveryAddress)
    : XimssRequest(Id)
{
    internal static SignupRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Optional("domain"), reader.Required("userName"), reader.Required("password"),
            reader.Optional("realName"), reader.Optional("recoverPassword"));

    /// <summary>Prints the members for <see cref="object.ToString"/>, leaving secrets out.</summary>
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Domain = ").Append(Domain).Append(", UserName = ").Append(UserName)
            .Append(", Password = (hidden), RealName = ").Append(RealName).Append(", RecoveryAddress = ").Append(RecoveryAddress);
        return true;
    }
}
