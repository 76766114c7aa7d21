using System.Net;
using Postern.Accounts;
using Postern.Data;
using Postern.Skins;
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

    public async Task<LoginResult> ProcessAsync(StatelessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var clientAddress = context.Http.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        var restore = RestoreState.FromLogin(parameters, services.Options.Limits);
        string? errorCode = null;

        if (parameters["username"] is { } userName && parameters["password"] is { } password)
        {
            var result = await services.Authenticator.VerifyPasswordAsync(userName, password, context.Domain?.Name, cancellationToken);
            if (!result.Succeeded)
            {
                errorCode = IncorrectPassword;
            }
            else if (await starter.StartAsync(result.Account!, clientAddress, context.Client, parameters, cancellationToken) is not { } session)
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

        var dataset = context.CreateDataset();
        AddLoginElements(context, dataset, errorCode);
        if (errorCode is not null)
            dataset["loginName"] = parameters["username"] ?? "";
        restore?.AddTo(dataset);
        return new LoginResult(context.Client.PageFor("login.wssp"), dataset, null, null);
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
            // WebApp: forgotPassword is added "if the errorCode value is Incorrect Password or Unknown Account".
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
