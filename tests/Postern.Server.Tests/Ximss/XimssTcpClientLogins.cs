using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>Logins with the accounts <see cref="XimssServerFixture"/> creates (all share its password).</summary>
internal static class XimssTcpClientLogins
{
    public static Task<string> LoginAsync(this XimssTcpClient client, string user = "postmaster@example.com") =>
        client.LoginAsync(user, XimssServerFixture.Password);
}
