using System.Net;
using Postern.Accounts.Security;
using Postern.Data;
using Postern.Mail.SelfService;
using Postern.WebUser.Components;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Stateless;

/// <summary>
/// The component of the stateless URL <c>/Signup.wssp</c> (WebApp, "URL: /Signup.wssp"): with the domain's
/// <c>AutoSignup</c> on, <c>username</c>, <c>password1</c>, <c>password2</c> and <c>realName</c> create an
/// account through the sign-up XIMSS <c>signup</c> uses (<see cref="AccountSignup"/>), and the new user enters
/// a session as after a login.
/// </summary>
public sealed class Signup(WebUserServices services, AccountSignup signup, SessionStarter starter)
{
    /// <summary>The page, for every browser kind (CommuniGate has no WML variant).</summary>
    public const string PageName = "signup.wssp";

    /// <summary>The domain does not allow sign-ups (its <c>AutoSignup</c> setting is not <c>YES</c>).</summary>
    public const string NotAllowed = "Signup Not Allowed";

    /// <summary>Most Public Info fields one sign-up may set: every configured attribute once, and then some.</summary>
    private const int MaxPublicInfoFields = 32;

    public async Task<LoginResult> ProcessAsync(StatelessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var allowed = context.Domain is { } domain && SelfSignup.IsAllowed(domain);
        string? errorCode = allowed ? null : NotAllowed;
        if (allowed && parameters["username"] is { } userName && parameters["password1"] is { } password1 && parameters["password2"] is { } password2
            && parameters["realName"] is { } realName)
        {
            var client = context.Http.Connection.RemoteIpAddress ?? IPAddress.Loopback;
            if (password1 != password2)
            {
                errorCode = RecoveryPassword.PasswordsDiffer;
            }
            else if (!TryReadPublicInfo(parameters, out var settings, out var problem))
            {
                errorCode = problem;
            }
            else
            {
                var recoveryAddress = Field(parameters, "ForgotPassword");
                var form = new SignupForm(userName.Trim(), null, password1, realName.Trim().Length == 0 ? null : realName.Trim(), recoveryAddress) { Settings = settings };
                var result = await signup.SignUpAsync(form, context.Domain!.Name, client, cancellationToken);
                if (result.Account is { } account)
                {
                    if (await starter.StartAsync(account, client, context.Client, parameters, cancellationToken) is { } session)
                        return new LoginResult("", new DataDictionary(), session, StartPage.UrlFor(services.Skins, session));
                    errorCode = SessionStarter.TooManySessions;
                }
                else
                {
                    errorCode = ErrorCodeOf(result.Refusal);
                }
            }
        }

        var dataset = context.CreateDataset();
        if (errorCode is not null)
            dataset["errorCode"] = errorCode;
        // WebApp: the values typed are given back, so the page can show them again (never the passwords).
        if (Field(parameters, "username") is { } typedName)
            dataset["userName"] = typedName;
        if (Field(parameters, "realName") is { } typedRealName)
            dataset["realName"] = typedRealName;
        if ((Field(parameters, "ForgotPassword") ?? Field(parameters, "recoverPassword")) is { } typedRecovery)
            dataset["recoverPassword"] = typedRecovery;
        return new LoginResult(PageName, dataset, null, null);
    }

    /// <summary>The error code of a refusal (docs/webuser.md, Sign-up).</summary>
    public static string ErrorCodeOf(SignupRefusal refusal) => refusal switch
    {
        SignupRefusal.NotAllowed => NotAllowed,
        SignupRefusal.InvalidName => "Invalid Account Name",
        SignupRefusal.InvalidRealName => "Invalid Real Name",
        SignupRefusal.InvalidRecoveryAddress => "Invalid Recovery Address",
        SignupRefusal.RateExceeded => "Too Many Signups",
        SignupRefusal.AccountExists => "Account Already Exists",
        _ => RecoveryPassword.PasswordRejected,
    };

    /// <summary>
    /// WebApp: each <c>PublicInfo</c> parameter names a Public Info attribute, and the non-empty parameter of
    /// that name is its initial value.
    /// </summary>
    private bool TryReadPublicInfo(Http.RequestParameters parameters, out DataDictionary settings, out string? problem)
    {
        settings = new DataDictionary();
        problem = null;
        var attributes = services.Options.EffectivePublicInfoAttributes;
        foreach (var name in parameters.GetAll("PublicInfo").Take(MaxPublicInfoFields))
        {
            var known = attributes.FirstOrDefault(a => a.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problem = "Invalid Public Info";
                return false;
            }
            if (Field(parameters, known) is not { } value)
                continue;
            if (value.Length > PublicInfo.MaxValueLength || value.Any(char.IsControl))
            {
                problem = "Invalid Public Info";
                return false;
            }
            settings[known] = value;
        }
        return true;
    }

    private static string? Field(Http.RequestParameters parameters, string name) =>
        parameters[name]?.Trim() is { Length: > 0 } value ? value : null;
}
