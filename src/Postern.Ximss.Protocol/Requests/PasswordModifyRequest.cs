using System.Text;

namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;passwordModify id oldPassword newPassword [recoveryEmail]/&gt;</c>: changes the account password (docs/ximss.md §5.2).</summary>
/// <remarks>Neither password appears in <see cref="object.ToString"/>.</remarks>
/// <param name="Id">The request id.</param>
/// <param name="OldPassword">The current password, proving the user knows it.</param>
/// <param name="NewPassword">The new password.</param>
/// <param name="RecoveryEmail">An address for password recovery, when the client sets one (sipnet).</param>
public sealed record PasswordModifyRequest(string Id, string OldPassword, string NewPassword, string? RecoveryEmail)
    : XimssRequest(Id)
{
    internal static PasswordModifyRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.RequiredAllowEmpty("oldPassword"), reader.Required("newPassword"), reader.Optional("recoveryEmail"));

    /// <summary>Prints the members for <see cref="object.ToString"/>, leaving secrets out.</summary>
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", OldPassword = (hidden), NewPassword = (hidden), RecoveryEmail = ").Append(RecoveryEmail);
        return true;
    }
}
