using System.Net;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Data;
using Postern.Skins;
using Postern.Storage;
using Postern.WebUser.Http;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Stateless;

/// <summary>What the login component decided: show a page, or enter the new session.</summary>
/// <param name="PageName">The stateless page to show (<c>login.wssp</c>, or <c>resume.wssp</c> after a resumed login).</param>
/// <param name="Dataset">Its dataset, with the generic stateless elements.</param>
/// <param name="Session">The session opened, when the login succeeded.</param>
/// <param name="StartUrl">The session's start page to redirect to, when the login succeeded and nothing is resumed.</param>
public sealed record LoginResult(string PageName, DataDictionary Dataset, WebUserSession? Session, string? StartUrl);

/// <summary>
/// The login component of the stateless URLs <c>/</c> and <c>/default.html</c> (WebApp, "URLs: /,
/// /default.html"): checks <c>username</c>/<c>password</c>, opens a session, or produces the login dataset.
/// </summary>
public sealed class Login(WebUserServices services, SessionStarter starter)
{
    /// <summary>
    /// The error code of a failed login, for an unknown account and a wrong password alike, so the page
    /// does not tell which account names exist (the log records which it was).
    /// </summary>
    public const string IncorrectPassword = "Incorrect Password";

    /// <summary>
    /// The error code while the client's address is locked out after too many failed logins (over any
    /// protocol); the credentials are not checked then, so it says nothing about the account.
    /// </summary>
    public const string LoginLockedOut = "Too Many Failed Logins";

    public async Task<LoginResult> ProcessAsync(StatelessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var clientAddress = context.Http.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        var restore = RestoreState.FromLogin(parameters, services.Options.Limits);
        string? errorCode = null;

        if (parameters["username"] is { } userName && parameters["password"] is { } password)
        {
            var account = await AuthenticateAsync(userName, password, clientAddress, context.Domain?.Name, cancellationToken);
            if (account.ErrorCode is { } refused)
            {
                errorCode = refused;
            }
            else if (await starter.StartAsync(account.Account!, clientAddress, context.Client, parameters, cancellationToken) is not { } session)
            {
                errorCode = SessionStarter.TooManySessions;
            }
            else if (restore is not null)
            {
                var resume = context.CreateDataset();
                restore.AddParametersTo(resume);
                resume["sessionID"] = session.Id;
                resume["restoreSessionPage"] = restore.SessionPage;
                resume["jumpPage"] = restore.JumpPage();
                return new LoginResult(context.Client.PageFor("resume.wssp"), resume, session, null);
            }
            else
            {
                return new LoginResult("", new DataDictionary(), session, StartPage.UrlFor(services.Skins, session));
            }
        }
        return LoginPage(context, errorCode, restore);
    }

    /// <summary>
    /// A login with the credentials of an HTTP <c>Authorization</c> header (the <c>/auth/</c> realm), under the
    /// same protection as the form login.
    /// </summary>
    /// <returns>The session to enter, the login page when no session could be opened, or null when the credentials are refused.</returns>
    public async Task<LoginResult?> ProcessAuthorizationAsync(StatelessContext context, string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clientAddress = context.Http.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        var (account, _) = await AuthenticateAsync(userName, password, clientAddress, context.Domain?.Name, cancellationToken);
        if (account is null)
            return null;
        return await starter.StartAsync(account, clientAddress, context.Client, context.Parameters, cancellationToken) is { } session
            ? new LoginResult("", new DataDictionary(), session, StartPage.UrlFor(services.Skins, session))
            : LoginPage(context, SessionStarter.TooManySessions, null);
    }

    private LoginResult LoginPage(StatelessContext context, string? errorCode, RestoreState? restore)
    {
        var parameters = context.Parameters;
        var dataset = context.CreateDataset();
        AddLoginElements(context, dataset, errorCode);
        if (errorCode is not null)
            dataset["loginName"] = parameters["username"] ?? "";
        restore?.AddTo(dataset);
        return new LoginResult(context.Client.PageFor("login.wssp"), dataset, null, null);
    }

    /// <summary>
    /// Checks a password login under the login protection shared with XIMSS: a locked-out address is
    /// refused unchecked, a failure is counted and answered after the throttle's delay, a success clears
    /// the address's record.
    /// </summary>
    /// <returns>The account, or the error code to show.</returns>
    public async Task<(AccountRecord? Account, string? ErrorCode)> AuthenticateAsync(
        string userName, string password, IPAddress clientAddress, string? domainName, CancellationToken cancellationToken)
    {
        var throttle = services.LoginThrottle;
        if (throttle.IsLockedOut(clientAddress))
            return (null, LoginLockedOut);
        var result = await services.Authenticator.VerifyPasswordAsync(userName, password, domainName, cancellationToken);
        if (result.Account is not { } account)
        {
            await throttle.RecordFailureAndWaitAsync(clientAddress, cancellationToken);
            return (null, IncorrectPassword);
        }
        throttle.RecordSuccess(clientAddress);
        return (account, null);
    }

    /// <summary>
    /// The login page's own elements: <c>autoSignup</c>, <c>clientAddress</c>, <c>errorCode</c>,
    /// <c>forgotPassword</c>, <c>hasCertificate</c>, <c>hasDirectory</c>, <c>hasLists</c>, <c>skinNames</c>.
    /// </summary>
    public void AddLoginElements(StatelessContext context, DataDictionary dataset, string? errorCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dataset);
        var settings = context.Domain is null ? new DataDictionary() : DomainService.GetSettings(context.Domain);
        if (IsYes(settings.Find("AutoSignup")))
            dataset["autoSignup"] = DataString.Yes;
        dataset["clientAddress"] = (context.Http.Connection.RemoteIpAddress ?? IPAddress.Loopback).ToString();
        if (errorCode is not null)
        {
            dataset["errorCode"] = errorCode;
            // WebApp: forgotPassword is added "if the errorCode value is Incorrect Password or Unknown Account";
            // Postern adds it only where the domain lets users recover a password (its link leads there).
            if (errorCode == IncorrectPassword && context.Domain is { } domain && SelfSignup.AllowsRecovery(domain))
                dataset["forgotPassword"] = DataString.Yes;
        }
        if (settings.Find("Certificate")?.AsString is { Length: > 0 })
            dataset["hasCertificate"] = DataString.Yes;
        if (context.Skin.Strings(context.Language).Find("GuestDirectoryFields") is DataArray { Count: > 0 })
            dataset["hasDirectory"] = DataString.Yes;
        // hasLists: Postern has no mailing lists (and no shared domains), so the element is never added.
        var kind = context.Client switch
        {
            Http.ClientKind.Wml => SkinKind.Wml,
            Http.ClientKind.IModeJapanese or Http.ClientKind.IModeEuropean => SkinKind.CHtml,
            _ => SkinKind.Regular,
        };
        dataset["skinNames"] = DataArray.OfStrings(services.Skins.AvailableSkins(context.Domain?.Name, kind));
    }

    private static bool IsYes(Data.DataValue? value) => value?.AsString?.Equals("YES", StringComparison.OrdinalIgnoreCase) == true;
}
