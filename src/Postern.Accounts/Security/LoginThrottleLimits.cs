namespace Postern.Accounts.Security;

/// <summary>How failed logins slow down and lock out the address they come from (<c>Postern:Accounts:LoginThrottle</c>).</summary>
public sealed class LoginThrottleLimits
{
    /// <summary>
    /// The delay before answering the first failed login from an address; it doubles with each further
    /// failure. One second costs a person nothing and a password-guessing script most of its speed.
    /// </summary>
    public TimeSpan FailureDelay { get; set => field = SettingChecks.NotNegative(value); } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay before answering a failure: 16 seconds (five doublings), short of a client's read timeout.</summary>
    public TimeSpan MaxFailureDelay { get; set => field = SettingChecks.NotNegative(value); } = TimeSpan.FromSeconds(16);

    /// <summary>
    /// Failures from one address within <see cref="LockoutDuration"/> after which its logins are refused
    /// unchecked: fail2ban's default is 5 in 10 minutes; mail clients retry a stored password on their
    /// own, so this leaves them twice the room.
    /// </summary>
    public int MaxFailures { get; set => field = SettingChecks.AtLeastOne(value); } = 10;

    /// <summary>How long failures are remembered, and how long an address stays locked out: fail2ban's 10 minutes.</summary>
    public TimeSpan LockoutDuration { get; set => field = SettingChecks.Positive(value); } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Addresses remembered at once. 100,000 entries cost a few megabytes; beyond it the expired ones
    /// are dropped first, then the oldest.
    /// </summary>
    public int MaxTrackedAddresses { get; set => field = SettingChecks.AtLeastOne(value); } = 100_000;
}
