using System.Net;

namespace Postern.Accounts.Security;

/// <summary>
/// The per-address limit on password recovery requests
/// (<see cref="AccountSecurityOptions.MaxRecoveryRequestsPerAddressPerHour"/>), shared by XIMSS
/// <c>recoverPassword</c> and the WebUser <c>RecoveryPassword.wssp</c>, reset links included.
/// </summary>
public sealed class RecoveryRateLimit(AccountSecurityOptions options, TimeProvider time)
{
    private readonly AddressRateLimit _limit = new(options.MaxRecoveryRequestsPerAddressPerHour, TimeSpan.FromHours(1),
        options.LoginThrottle.MaxTrackedAddresses, time);

    /// <summary>Counts one request from the address; false when its hour is already full.</summary>
    public bool TryAcquire(IPAddress address) => _limit.TryAcquire(address);
}
