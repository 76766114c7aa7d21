using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Mail;
using Postern.Ximss.Authentication;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>signup</c>: creates an account with its default mailboxes when the domain allows self-registration
/// (<see cref="SelfSignup"/>); the client then logs in as usual (docs/ximss.md §5.1).
/// </summary>
internal sealed class Signup(DomainService domains, AccountService accounts, AccountProvisioning provisioning, SignupRateLimit rateLimit,
    ILoggerFactory loggers) : XimssOperationHandler<SignupRequest>
{
    // A recovery address is an e-mail address (RFC 5321 §4.5.3.1.3: at most 254 octets in a path).
    private const int MaxRecoveryAddressLength = 254;

    private readonly ILogger _log = loggers.CreateLogger(XimssLog.ListenerCategory);

    public override async ValueTask<XimssResult> ExecuteAsync(SignupRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var address = context.Channel.RemoteAddress;
        var (userName, domainName) = Split(request);
        var domain = await domains.FindAsync(domainName ?? context.Channel.DefaultDomain ?? await domains.GetMainDomainNameAsync(cancellationToken) ?? "",
            cancellationToken);
        if (domain is null || !SelfSignup.IsAllowed(domain))
            return Refuse(address, $"domain {domainName ?? "(main)"} does not allow self-registration", XimssError.SignupNotAllowed);
        if (!AccountName.TryNormalizeName(userName, out var name, out var problem))
            return Refuse(address, problem, XimssError.InvalidAttribute("userName", problem));
        if (request.RealName is { } given && (given.Length > AccountLimits.MaxRealNameLength || given.Any(char.IsControl)))
            return Refuse(address, "bad real name", XimssError.InvalidAttribute("realName", $"at most {AccountLimits.MaxRealNameLength} characters, no control characters"));
        if (request.RecoveryAddress is { } recovery && (recovery.Length > MaxRecoveryAddressLength || !recovery.Contains('@', StringComparison.Ordinal)))
            return Refuse(address, "bad recovery address", XimssError.InvalidAttribute("recoverPassword", "expected an e-mail address"));
        if (!rateLimit.TryAcquire(address))
            return Refuse(address, "too many sign-ups from this address", XimssError.SignupRateExceeded);

        var account = new AccountName(name, domain.Name);
        if (await accounts.FindAsync(account, cancellationToken) is not null)
            return Refuse(address, $"{account} exists", XimssError.AccountExists);
        try
        {
            var created = await provisioning.CreateAccountAsync(account, request.Password, request.RealName ?? "", cancellationToken);
            if (request.RecoveryAddress is { } recoveryAddress)
                await accounts.UpdateSettingsAsync(created, SelfSignup.RecoveryAddress(recoveryAddress), cancellationToken);
        }
        catch (AccountsException e)
        {
            // The name was taken meanwhile, or the password is unacceptable.
            return Refuse(address, e.Message, await accounts.FindAsync(account, cancellationToken) is null ? XimssError.PasswordRejected : XimssError.AccountExists);
        }
        XimssLog.SignupCreated(_log, address, account.ToString());
        return XimssResult.Ok;
    }

    // userName may carry the domain itself (name@domain), as login names do.
    private static (string Name, string? Domain) Split(SignupRequest request)
    {
        var at = request.UserName.LastIndexOf('@');
        return at > 0 && request.Domain is null ? (request.UserName[..at], request.UserName[(at + 1)..]) : (request.UserName, request.Domain);
    }

    private XimssResult Refuse(System.Net.IPAddress address, string reason, Protocol.XimssError error)
    {
        XimssLog.SignupRefused(_log, address, reason);
        return error;
    }
}
