using System.Net;
using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Mail.Submission;
using Postern.Mime.Addresses;
using Postern.Mime.Writing;
using Postern.Storage;

namespace Postern.Mail.SelfService;

/// <summary>What a password recovery request got: the same for every account name, so it tells nothing about accounts.</summary>
public enum RecoveryOutcome
{
    /// <summary>Taken: a reset link is mailed if the account exists and has a recovery address.</summary>
    Accepted,

    /// <summary>The domain does not let its users recover passwords (<see cref="SelfSignup.RecoveryDomainSetting"/>).</summary>
    NotAllowed,

    /// <summary>Too many requests from the client's address (<see cref="AccountSecurityOptions.MaxRecoveryRequestsPerAddressPerHour"/>).</summary>
    RateExceeded,
}

/// <summary>What a request decided, and the mailing it started (awaited only by those who must know it is done).</summary>
/// <param name="Outcome">The answer to give.</param>
/// <param name="Mailing">Completes when the reset mail (if any) is delivered or queued; it never faults.</param>
public sealed record RecoveryRequest(RecoveryOutcome Outcome, Task Mailing);

/// <summary>How using a reset link went.</summary>
public enum ResetOutcome
{
    Changed,
    InvalidCode,
    PasswordRejected,
    RateExceeded,
}

/// <summary>
/// Password recovery for XIMSS <c>recoverPassword</c> and the WebUser <c>RecoveryPassword.wssp</c>: Postern
/// keeps only password hashes, so instead of the password (as CommuniGate sends it) it mails a one-time
/// reset link to the account's <c>RecoverPassword</c> address (docs/webuser.md, Password recovery).
/// </summary>
/// <remarks>
/// The answer is the same whether the account exists, has a recovery address or was sent a link a moment
/// ago; and the link is issued and mailed after the answer is decided, off the request's path, so not even
/// the time taken tells accounts apart.
/// </remarks>
public sealed class PasswordRecovery(
    AccountService accounts, DomainService domains, PasswordResetCodes codes, RecoveryRateLimit rateLimit, MessageSubmission submission,
    AccountSecurityOptions options, ILogger<PasswordRecovery> logger)
{
    /// <summary>The WebUser page reset links open.</summary>
    public const string PagePath = "RecoveryPassword.wssp";

    /// <summary>Asks for a reset link for <paramref name="loginName"/> (<c>name</c> or <c>name@domain</c>).</summary>
    /// <param name="loginName">The account name as the user typed it.</param>
    /// <param name="defaultDomain">The domain of a bare name (the request's host's), else the main domain.</param>
    /// <param name="client">The requesting address, for the rate limit and the log.</param>
    /// <param name="webAddress">Where the link points (<c>https://host/</c>), unless <see cref="AccountSecurityOptions.PublicWebAddress"/> is set; null: <c>http://</c> and the account's domain.</param>
    /// <param name="cancellationToken">Cancels the check (not the mailing once started).</param>
    public async Task<RecoveryRequest> RequestAsync(string loginName, string? defaultDomain, IPAddress client, string? webAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loginName);
        ArgumentNullException.ThrowIfNull(client);
        var domainName = loginName.LastIndexOf('@') is var at and > 0 ? loginName[(at + 1)..] : defaultDomain ?? await domains.GetMainDomainNameAsync(cancellationToken);
        var domain = domainName is null ? null : await domains.FindAsync(domainName, cancellationToken);
        // Whether a domain allows recovery is no secret about accounts; an unknown domain answers like an unknown account.
        if (domain is not null && !SelfSignup.AllowsRecovery(domain))
            return new RecoveryRequest(RecoveryOutcome.NotAllowed, Task.CompletedTask);
        if (!rateLimit.TryAcquire(client))
            return new RecoveryRequest(RecoveryOutcome.RateExceeded, Task.CompletedTask);

        var mailing = Task.Run(() => MailLinkAsync(loginName.Trim(), domain?.Name, client, webAddress), CancellationToken.None);
        return new RecoveryRequest(RecoveryOutcome.Accepted, mailing);
    }

    /// <summary>The account a reset link is for, when the code is current and unused.</summary>
    public Task<AccountRecord?> FindAsync(string code, CancellationToken cancellationToken) => codes.FindAsync(code, cancellationToken);

    /// <summary>Sets a new password with a reset link's code, using the code up.</summary>
    public async Task<ResetOutcome> ResetAsync(string code, string newPassword, IPAddress client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(newPassword);
        if (!rateLimit.TryAcquire(client))
            return ResetOutcome.RateExceeded;
        try
        {
            if (await codes.ResetPasswordAsync(code, newPassword, cancellationToken) is not { } account)
            {
                logger.LogInformation("password reset from {Address} refused: the code is not valid", client);
                return ResetOutcome.InvalidCode;
            }
            logger.LogInformation("password of {Account} reset from {Address} with a mailed code", await accounts.GetNameAsync(account, cancellationToken), client);
            return ResetOutcome.Changed;
        }
        catch (AccountsException e)
        {
            logger.LogInformation("password reset from {Address} refused: {Problem}", client, e.Message);
            return ResetOutcome.PasswordRejected;
        }
    }

    private async Task MailLinkAsync(string loginName, string? domainName, IPAddress client, string? webAddress)
    {
        var cancellationToken = CancellationToken.None;
        try
        {
            var account = await accounts.ResolveLoginNameAsync(loginName, domainName, cancellationToken);
            if (account is null)
            {
                logger.LogInformation("password recovery for {Name} from {Address}: no such account, nothing sent", loginName, client);
                return;
            }
            var name = await accounts.GetNameAsync(account, cancellationToken);
            if (SelfSignup.RecoveryAddressOf(account) is not { } recipient)
            {
                logger.LogInformation("password recovery for {Account} from {Address}: the account has no recovery address, nothing sent", name, client);
                return;
            }
            if (await codes.IssueAsync(account, cancellationToken) is not { } code)
            {
                logger.LogInformation("password recovery for {Account} from {Address}: a link was mailed a moment ago, nothing sent", name, client);
                return;
            }
            var link = LinkBase(webAddress, name.Domain) + PagePath + "?code=" + Uri.EscapeDataString(code);
            await submission.SendNoticeAsync(Compose(name, recipient, link, client), recipient, name.Domain, cancellationToken);
            logger.LogInformation("password recovery for {Account} from {Address}: a reset link was mailed to {Recipient}", name, client, recipient);
        }
        catch (Exception e)
        {
            // Nobody awaits this task on the request's path: what goes wrong ends here, in the log.
            logger.LogError(e, "password recovery for {Name} from {Address} failed", loginName, client);
        }
    }

    private string LinkBase(string? webAddress, string domain)
    {
        var configured = options.PublicWebAddress.Length > 0 ? options.PublicWebAddress : webAddress ?? "http://" + domain + "/";
        return configured.EndsWith('/') ? configured : configured + "/";
    }

    private ComposedMessage Compose(AccountName account, string recipient, string link, IPAddress client)
    {
        var minutes = (int)options.RecoveryLinkLifetime.TotalMinutes;
        var message = new ComposedMessage
        {
            Subject = $"Password reset for {account}",
            Body = new ComposedText(
                $"Someone (from the network address {client}) asked to reset the password of the account {account}.\r\n" +
                "\r\n" +
                $"To choose a new password, open this link within {minutes} minutes:\r\n" +
                "\r\n" +
                link + "\r\n" +
                "\r\n" +
                "The link works once. If you did not ask for it, ignore this message: the password stays as it is.\r\n"),
        };
        message.To.Add(new MailboxAddress(null, recipient));
        return message;
    }
}
