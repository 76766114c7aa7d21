using System.Net;
using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Data;
using Postern.Storage;

namespace Postern.Mail.SelfService;

/// <summary>What someone signing up asked for.</summary>
/// <param name="UserName">The account name, bare or as <c>name@domain</c>.</param>
/// <param name="Domain">The domain, when given apart from the name.</param>
/// <param name="Password">The password.</param>
/// <param name="RealName">The real name, if given.</param>
/// <param name="RecoveryAddress">The address for password recovery, if given.</param>
public sealed record SignupForm(string UserName, string? Domain, string Password, string? RealName, string? RecoveryAddress)
{
    /// <summary>Further account settings to start with (the WebUser page's Public Info fields), already checked by the caller.</summary>
    public DataDictionary Settings { get; init; } = new();
}

/// <summary>Why a sign-up was refused.</summary>
public enum SignupRefusal
{
    None,

    /// <summary>The domain does not allow sign-ups (<see cref="SelfSignup.DomainSetting"/>), or does not exist.</summary>
    NotAllowed,
    InvalidName,
    InvalidRealName,
    InvalidRecoveryAddress,

    /// <summary>Too many sign-ups from the client's address (<see cref="AccountSecurityOptions.MaxSignupsPerAddressPerHour"/>).</summary>
    RateExceeded,
    AccountExists,
    PasswordRejected,
}

/// <summary>The account created, or why not.</summary>
/// <param name="Account">The new account.</param>
/// <param name="Refusal">Why it was not created.</param>
/// <param name="Problem">The refusal in words, for the client (an invalid name's reason) and the log.</param>
public sealed record SignupResult(AccountRecord? Account, SignupRefusal Refusal, string Problem);

/// <summary>
/// Self-registration, the one way for XIMSS <c>signup</c> and the WebUser <c>Signup.wssp</c>: the domain's
/// <c>AutoSignup</c> policy, the per-address limit, the checks, and the account with its default mailboxes.
/// </summary>
public sealed class AccountSignup(
    DomainService domains, AccountService accounts, AccountProvisioning provisioning, SignupRateLimit rateLimit, ILogger<AccountSignup> logger)
{
    /// <param name="form">What was asked for.</param>
    /// <param name="defaultDomain">The domain of a bare name (the request's host's); null: the main domain.</param>
    /// <param name="client">The requesting address, for the rate limit and the log.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SignupResult> SignUpAsync(SignupForm form, string? defaultDomain, IPAddress client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(client);
        var (userName, domainName) = Split(form);
        var domain = await domains.FindAsync(domainName ?? defaultDomain ?? await domains.GetMainDomainNameAsync(cancellationToken) ?? "", cancellationToken);
        if (domain is null || !SelfSignup.IsAllowed(domain))
            return Refuse(client, SignupRefusal.NotAllowed, $"domain {domainName ?? defaultDomain ?? "(main)"} does not allow self-registration");
        if (!AccountName.TryNormalizeName(userName, out var name, out var problem))
            return Refuse(client, SignupRefusal.InvalidName, problem);
        if (form.RealName is { } given && (given.Length > AccountLimits.MaxRealNameLength || given.Any(char.IsControl)))
            return Refuse(client, SignupRefusal.InvalidRealName, $"at most {AccountLimits.MaxRealNameLength} characters, no control characters");
        if (form.RecoveryAddress is { } recovery && !SelfSignup.IsValidRecoveryAddress(recovery))
            return Refuse(client, SignupRefusal.InvalidRecoveryAddress, "expected an e-mail address");
        if (!rateLimit.TryAcquire(client))
            return Refuse(client, SignupRefusal.RateExceeded, "too many sign-ups from this address");

        var account = new AccountName(name, domain.Name);
        if (await accounts.FindAsync(account, cancellationToken) is not null)
            return Refuse(client, SignupRefusal.AccountExists, $"{account} exists");
        AccountRecord created;
        try
        {
            created = await provisioning.CreateAccountAsync(account, form.Password, form.RealName ?? "", cancellationToken);
        }
        catch (AccountsException e)
        {
            // The name was taken meanwhile, or the password is unacceptable.
            var exists = await accounts.FindAsync(account, cancellationToken) is not null;
            return Refuse(client, exists ? SignupRefusal.AccountExists : SignupRefusal.PasswordRejected, e.Message);
        }
        var settings = new DataDictionary();
        foreach (var (key, value) in form.Settings)
            settings[key] = value;
        if (form.RecoveryAddress is { } address)
            settings[SelfSignup.RecoveryAddressSetting] = address;
        if (settings.Count > 0)
            created = await SettleAsync(created, settings, cancellationToken);
        logger.LogInformation("self-registration from {Address} created {Account}", client, account);
        return new SignupResult(created, SignupRefusal.None, "");
    }

    private async Task<AccountRecord> SettleAsync(AccountRecord account, DataDictionary settings, CancellationToken cancellationToken)
    {
        await accounts.UpdateSettingsAsync(account, settings, cancellationToken);
        return await accounts.FindAsync(await accounts.GetNameAsync(account, cancellationToken), cancellationToken) ?? account;
    }

    // userName may carry the domain itself (name@domain), as login names do.
    private static (string Name, string? Domain) Split(SignupForm form)
    {
        var at = form.UserName.LastIndexOf('@');
        return at > 0 && form.Domain is null ? (form.UserName[..at], form.UserName[(at + 1)..]) : (form.UserName, form.Domain);
    }

    private SignupResult Refuse(IPAddress client, SignupRefusal refusal, string problem)
    {
        logger.LogInformation("self-registration from {Address} refused: {Problem}", client, problem);
        return new SignupResult(null, refusal, problem);
    }
}
