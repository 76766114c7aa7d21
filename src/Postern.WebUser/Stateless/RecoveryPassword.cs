using System.Net;
using Postern.Accounts.Security;
using Postern.Data;
using Postern.Mail.SelfService;

namespace Postern.WebUser.Stateless;

/// <summary>
/// The component of the stateless URL <c>/RecoveryPassword.wssp</c> (WebApp, "URL: /RecoveryPassword.wssp"):
/// <c>username</c> with <c>Send</c> mails a one-time reset link to the account's recovery address (Postern
/// keeps no password it could send); the link brings the user back here with <c>code</c>, and
/// <c>password1</c>/<c>password2</c> set the new password (docs/webuser.md, Password recovery).
/// </summary>
public sealed class RecoveryPassword(PasswordRecovery recovery)
{
    /// <summary>The page, for every browser kind (CommuniGate has no WML variant).</summary>
    public const string PageName = "recoverypassword.wssp";

    /// <summary>The domain does not let its users recover passwords.</summary>
    public const string NotAllowed = "Recovery Not Allowed";

    /// <summary>Too many requests (or reset attempts) from the client's address.</summary>
    public const string TooManyRequests = "Too Many Requests";

    /// <summary>The reset link is unknown, used, expired or replaced by a newer one.</summary>
    public const string InvalidCode = "Invalid Recovery Code";

    /// <summary>The two new passwords differ (the code the Password page uses too).</summary>
    public const string PasswordsDiffer = "Passwords Do Not Match";

    /// <summary>The new password is empty or too long.</summary>
    public const string PasswordRejected = "Password Rejected";

    public async Task<DataDictionary> ProcessAsync(StatelessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var dataset = context.CreateDataset();
        var client = context.Http.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        if (parameters["code"] is { Length: > 0 } code)
        {
            await ResetAsync(dataset, code, parameters["password1"], parameters["password2"], client, cancellationToken);
        }
        else if (parameters["username"]?.Trim() is { Length: > 0 } userName && parameters.Has("Send"))
        {
            var webAddress = $"{context.Http.Request.Scheme}://{context.Http.Request.Host}/";
            var request = await recovery.RequestAsync(userName, context.Domain?.Name, client, webAddress, cancellationToken);
            // The same answer for every name: whether the account exists or has an address is not told.
            Set(dataset, request.Outcome switch
            {
                RecoveryOutcome.Accepted => null,
                RecoveryOutcome.NotAllowed => NotAllowed,
                _ => TooManyRequests,
            }, "PasswordSent");
        }
        else if (context.Domain is { } domain && !SelfSignup.AllowsRecovery(domain))
        {
            dataset["errorCode"] = NotAllowed;
        }
        return dataset;
    }

    private async Task ResetAsync(DataDictionary dataset, string code, string? password1, string? password2, IPAddress client, CancellationToken cancellationToken)
    {
        if (password1 is null)
        {
            // Opened from the mail: the form for the new password, if the link still works.
            if (await recovery.FindAsync(code, cancellationToken) is null)
                dataset["errorCode"] = InvalidCode;
            else
                dataset["resetCode"] = code;
            return;
        }
        if (password1 != password2)
        {
            dataset["errorCode"] = PasswordsDiffer;
            dataset["resetCode"] = code;
            return;
        }
        var outcome = await recovery.ResetAsync(code, password1, client, cancellationToken);
        Set(dataset, outcome switch
        {
            ResetOutcome.Changed => null,
            ResetOutcome.InvalidCode => InvalidCode,
            ResetOutcome.PasswordRejected => PasswordRejected,
            _ => TooManyRequests,
        }, "PasswordChanged");
        // A refused password leaves the link working: the form is shown again.
        if (outcome == ResetOutcome.PasswordRejected)
            dataset["resetCode"] = code;
    }

    private static void Set(DataDictionary dataset, string? errorCode, string messageCode)
    {
        if (errorCode is null)
            dataset["messageCode"] = messageCode;
        else
            dataset["errorCode"] = errorCode;
    }
}
