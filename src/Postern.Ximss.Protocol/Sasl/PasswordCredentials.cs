using System.Text;

namespace Postern.Ximss.Protocol.Sasl;

/// <summary>A user name and clear password from <c>PLAIN</c> or <c>LOGIN</c>. The password never appears in <see cref="object.ToString"/>.</summary>
/// <param name="AuthorizationId">The identity to act as (RFC 4616 authzid); null when empty, meaning the same as <paramref name="UserName"/>.</param>
/// <param name="UserName">The authentication identity.</param>
/// <param name="Password">The password.</param>
public sealed record PasswordCredentials(string? AuthorizationId, string UserName, string Password) : SaslCredentials(UserName)
{
    /// <inheritdoc/>
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AuthorizationId = ").Append(AuthorizationId).Append(", UserName = ").Append(UserName).Append(", Password = (hidden)");
        return true;
    }
}
