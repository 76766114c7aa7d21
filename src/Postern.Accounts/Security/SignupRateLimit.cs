using System.Net;

namespace Postern.Accounts.Security;

/// <summary>
/// The per-address limit on sign-ups (<see cref="AccountSecurityOptions.MaxSignupsPerAddressPerHour"/>),
/// shared by XIMSS <c>signup</c> and the WebUser <c>Signup.wssp</c>.
/// </summary>
public sealed class SignupRateLimit(AccountSecurityOptions options, TimeProvider time)
{
    private readonly AddressRateLimit _limit = new(options.MaxSignupsPerAddressPerHour, TimeSpan.FromHours(1),
        options.LoginThrottle.MaxTrackedAddresses, time);

    /// <summary>Counts one sign-up from the address; false when its hour is already full.</summary>
    public bool TryAcquire(IPAddress address) => _limit.TryAcquire(address);
}
