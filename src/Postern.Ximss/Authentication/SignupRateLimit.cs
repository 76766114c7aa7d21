namespace Postern.Ximss.Authentication;

/// <summary>The per-address limit on <c>signup</c> requests (<see cref="XimssServerLimits.MaxSignupsPerAddressPerHour"/>).</summary>
internal sealed class SignupRateLimit(XimssOptions options, TimeProvider time)
{
    private readonly AddressRateLimit _limit = new(options.Limits.MaxSignupsPerAddressPerHour, TimeSpan.FromHours(1),
        options.LoginThrottle.MaxTrackedAddresses, time);

    public bool TryAcquire(System.Net.IPAddress address) => _limit.TryAcquire(address);
}
