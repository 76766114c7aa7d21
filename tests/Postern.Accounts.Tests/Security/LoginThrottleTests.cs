using System.Net;
using Postern.Testing;
using Postern.Accounts.Security;

namespace Postern.Accounts.Tests.Security;

public class LoginThrottleTests
{
    private static readonly IPAddress s_address = IPAddress.Parse("192.0.2.7");
    private readonly ManualTimeProvider _clock = new();
    private readonly LoginThrottleLimits _limits = new();
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() => _throttle = new LoginThrottle(_limits, _clock);

    [Fact]
    public void TheDelayDoublesFromOneSecondUpToTheCap()
    {
        var delays = Enumerable.Range(0, 7).Select(_ => _throttle.RecordFailure(s_address).TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 16, 16], delays);
    }

    [Fact]
    public void AfterTheMaximumFailuresTheAddressIsLockedOutUntilTheLockoutHasPassed()
    {
        for (var i = 0; i < _limits.MaxFailures - 1; i++)
            _throttle.RecordFailure(s_address);
        Assert.False(_throttle.IsLockedOut(s_address));

        _throttle.RecordFailure(s_address);
        Assert.True(_throttle.IsLockedOut(s_address));
        Assert.False(_throttle.IsLockedOut(IPAddress.Parse("192.0.2.8")));

        _clock.Advance(_limits.LockoutDuration);
        Assert.False(_throttle.IsLockedOut(s_address));
    }

    [Fact]
    public void ASuccessForgivesTheAddressItsFailures()
    {
        _throttle.RecordFailure(s_address);
        _throttle.RecordFailure(s_address);

        _throttle.RecordSuccess(s_address);

        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.RecordFailure(s_address));
    }

    [Fact]
    public void FailuresOlderThanTheWindowAreForgotten()
    {
        _throttle.RecordFailure(s_address);
        _throttle.RecordFailure(s_address);

        _clock.Advance(_limits.LockoutDuration + TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.RecordFailure(s_address));
    }

    [Fact]
    public void AddressesOfOneIPv6NetworkShareOneRecord()
    {
        _throttle.RecordFailure(IPAddress.Parse("2001:db8:1:2::1"));

        Assert.Equal(TimeSpan.FromSeconds(2), _throttle.RecordFailure(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.RecordFailure(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void TheTableKeepsToItsSize()
    {
        _limits.MaxTrackedAddresses = 3;
        for (var i = 1; i <= 10; i++)
            _throttle.RecordFailure(IPAddress.Parse($"192.0.2.{i}"));

        Assert.True(_throttle.TrackedAddresses <= 3);
    }
}
