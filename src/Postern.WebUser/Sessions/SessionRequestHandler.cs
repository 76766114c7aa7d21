using System.Text;
using Microsoft.AspNetCore.Http;
using Postern.Data;
using Postern.Sessions;
using Postern.WebUser.Components;
using Postern.WebUser.Components.Generic;
using Postern.WebUser.Files;
using Postern.WebUser.Http;
using Postern.WebUser.Stateless;

namespace Postern.WebUser.Sessions;

/// <summary>
/// Serves requests in a session realm, <c>/Session/&lt;id&gt;/…</c> (WebApp, "Code Components for Session
/// Requests"): pages through their code components, regular files from the session skin, message parts, File Storage files.
/// </summary>
public sealed class SessionRequestHandler(
    WebUserServices services, ComponentCatalog components, PageResponder pages, MessagePartResponder parts, WebFileResponder webFiles)
{
    private readonly Alerts _alerts = new();

    /// <summary>Answers a request for <paramref name="resource"/> (what follows <c>/Session/&lt;id&gt;/</c>) in a found session.</summary>
    /// <returns>False when the resource is not a page, file or part of this session (the caller answers 404).</returns>
    public async Task<bool> HandleAsync(HttpContext http, WebUserSession session, string resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(session);
        // WebApp: any request to the session, files included, resets its inactivity timer.
        session.Touch();
        if (resource.Length == 0)
        {
            http.Response.StatusCode = StatusCodes.Status302Found;
            http.Response.Headers.Location = StartPage.UrlFor(services.Skins, session);
            return true;
        }
        if (resource.StartsWith(MessagePartResponder.Prefix, StringComparison.Ordinal))
            return await parts.TryWriteAsync(http, session, resource[MessagePartResponder.Prefix.Length..], cancellationToken);
        if (resource.StartsWith(WebFileResponder.Prefix, StringComparison.Ordinal))
            return await webFiles.TryWriteAsync(http, session, resource[WebFileResponder.Prefix.Length..], cancellationToken);
        if (RestoreState.IsPageName(resource))
            return await RunPageAsync(http, session, resource, cancellationToken);
        if (resource.Contains('/', StringComparison.Ordinal) || !SkinFileResponder.IsServable(resource)
            || SkinFor(session).FindFile(resource.ToLowerInvariant()) is not { } file)
            return false;
        await SkinFileResponder.WriteAsync(http, file, SkinFileCaching.Private, cancellationToken);
        return true;
    }

    /// <summary>The session's skin, selected again per request so skin changes show at once.</summary>
    public Postern.Skins.SelectedSkin SkinFor(WebUserSession session) => services.Skins.Select(session.Domain.Name, session.SkinName);

    private async Task<bool> RunPageAsync(HttpContext http, WebUserSession session, string pageName, CancellationToken cancellationToken)
    {
        var parameters = await RequestParametersReader.ReadAsync(http.Request, services.Options.Limits, cancellationToken);
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            if (session.HasEnded)
                return false;
            await session.RefreshAsync(services, cancellationToken);
            var skin = SkinFor(session);
            var component = components.Find(pageName[..^".wssp".Length]);
            if (component is null && skin.FindTemplate(pageName.ToLowerInvariant()) is null)
                return false;

            var tokenValid = FormTokenCheck.IsValid(http.Request, parameters, session);
            var actions = component is null ? GenericSessionElements.ActionParameters : components.ActionsOf(component);
            var refused = !tokenValid && (parameters.HasAny(actions) || component?.IsActionOnly == true);
            var context = new ComponentContext(session, services, refused ? parameters.Without(actions) : parameters, cancellationToken)
            {
                IsWml = ClientKinds.Of(http.Request).IsWml(),
                IsSecure = http.Request.IsHttps,
            };
            if (refused)
            {
                context.SetError(FormTokenCheck.InvalidFormToken);
                if (component?.IsActionOnly == true)
                    context.Dataset["blockAlerts"] = DataString.Yes;
            }

            await GenericSessionElements.RunActionsAsync(context);
            if (component is not null && !(refused && component.IsActionOnly))
                await component.ProcessAsync(context);
            GenericSessionElements.AddTo(context);

            if (component is not Alerts && context.Dataset.Find("blockAlerts") is null && session.AlertsMayBePending
                && await PendingAlertsAsync(session, pageName, context, cancellationToken) is { } alerts)
            {
                await pages.TryWriteAsync(http, PageFor(session, skin, context.IsWml ? "wAlerts.wssp" : "Alerts.wssp", alerts), cancellationToken);
                return true;
            }

            if (context.EndsSession)
                SessionCookie.Clear(http.Response, session);
            var written = await pages.TryWriteAsync(http, PageFor(session, skin, pageName, context), cancellationToken);
            if (context.EndsSession)
                services.Sessions.End(session, SessionEndReason.Logout);
            return written;
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>
    /// WebApp: "If the result dataset does not contain the blockAlerts element … and one or several pending
    /// alerts are found, the Alerts code component is called". The page asked for becomes the returnURL,
    /// with its parameters but without actions, so going back does not repeat them.
    /// </summary>
    private async Task<ComponentContext?> PendingAlertsAsync(WebUserSession session, string pageName, ComponentContext page, CancellationToken cancellationToken)
    {
        var returnUrl = new StringBuilder(page.SessionPrefix).Append(pageName);
        var separator = '?';
        foreach (var (name, value) in page.Parameters.All)
        {
            if (name == FormTokenCheck.ParameterName || returnUrl.Length + name.Length + value.Length > 2000)
                continue;
            returnUrl.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        var context = new ComponentContext(session, services, new RequestParameters([new("returnURL", returnUrl.ToString())]), cancellationToken)
        {
            IsWml = page.IsWml,
            IsSecure = page.IsSecure,
        };
        await _alerts.ProcessAsync(context);
        if (context.Dataset.Find("alerts") is null)
            return null;
        GenericSessionElements.AddTo(context);
        return context;
    }

    private static PageRequest PageFor(WebUserSession session, Postern.Skins.SelectedSkin skin, string pageName, ComponentContext context)
    {
        var language = StatelessContext.LanguageOrDefault(session.Preferences.Language);
        return new PageRequest(skin, pageName, context.Dataset)
        {
            Session = new SessionDataset(session, skin, language),
            Settings = session.Preferences.Values,
            AccountSettings = session.AccountSettings,
            Language = language,
            TimeZone = session.Preferences.TimeZone,
            TimeZoneName = session.Preferences.TimeZoneName,
            Mailboxes = session.Mailboxes,
            Client = context.IsWml ? ClientKind.Wml : session.Client,
            IsPrivate = true,
            AllowRemoteImages = context.AllowRemoteImages,
        };
    }
}
