namespace Postern.Accounts.Security;

/// <summary>
/// How logins, sign-ups and password recovery are protected, for every protocol alike (configuration
/// section <c>Postern:Accounts</c>).
/// </summary>
public sealed class AccountSecurityOptions
{
    /// <summary>How failed logins from one address are slowed down and locked out.</summary>
    public LoginThrottleLimits LoginThrottle { get; set; } = new();

    /// <summary>
    /// Sign-ups one address may make per hour. A person signs up once; five leaves room for typing
    /// mistakes and a family behind one address, and stops scripted account creation.
    /// </summary>
    public int MaxSignupsPerAddressPerHour { get; set => field = SettingChecks.AtLeastOne(value); } = 5;

    /// <summary>
    /// Password recovery requests one address may make per hour. A person asks once or twice; ten leaves
    /// room for mistyped names and stops one client from mailing reset links to every account.
    /// </summary>
    public int MaxRecoveryRequestsPerAddressPerHour { get; set => field = SettingChecks.AtLeastOne(value); } = 10;

    /// <summary>
    /// How long a password reset link stays valid: one hour, long enough to read mail, short enough that
    /// an old message in a mailbox is worthless.
    /// </summary>
    public TimeSpan RecoveryLinkLifetime { get; set => field = SettingChecks.Positive(value); } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two reset mails for one account: ten minutes, so nobody can fill a
    /// recovery mailbox by asking over and over (the later requests are answered alike but send nothing).
    /// </summary>
    public TimeSpan RecoveryMailInterval { get; set => field = SettingChecks.NotNegative(value); } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The address of the WebUser interface as users reach it (<c>https://mail.example.com/</c>), for the
    /// links in reset mails; empty means the address the request came to (or, for XIMSS over TCP,
    /// <c>http://</c> and the account's domain name).
    /// </summary>
    public string PublicWebAddress { get; set; } = "";
}
