using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Postern.Data;
using Postern.WebUser.Http;
using Postern.WebUser.Sessions;
using Postern.WebUser.Stateless;

namespace Postern.WebUser;

/// <summary>
/// The WebUser interface on the HTTP port: stateless requests (login, stateless pages, skin files) and
/// requests in WebUser session realms. This is the request boundary: bad requests become error pages,
/// and faults are logged and answered with the failure page.
/// </summary>
public sealed class WebUserHost(
    WebUserServices services, Login login, RecoveryPassword recovery, Signup signup, SessionRequestHandler sessionRequests, PageResponder pages,
    ErrorPages errors, ILogger<WebUserHost> logger)
{
    /// <summary>The realm of requests authenticated by the HTTP <c>Authorization</c> header.</summary>
    private const string AuthenticatedRealm = "/auth/";

    /// <summary>The error code of a request for a CG/PL web application, which Postern cannot run.</summary>
    public const string CgplNotSupported = "CG/PL applications are not supported";

    /// <summary>Answers a request outside any session realm.</summary>
    public Task HandleStatelessAsync(HttpContext http) => GuardAsync(http, () => StatelessAsync(http, http.RequestAborted));

    /// <summary>Answers a request for a session the caller already found (the shared session dispatcher's entry).</summary>
    public Task HandleSessionAsync(HttpContext http, WebUserSession session, string resource) =>
        GuardAsync(http, () => SessionAsync(http, session, resource, http.RequestAborted));

    /// <summary>
    /// Answers a request for a session that does not exist (or refuses this client) with
    /// <c>disconnected.wssp</c> (WebApp, "Code Components for Session Requests") when it asks for a page, as
    /// browsers do; returns false for anything else (the session root, files, parts, other protocols'
    /// requests), which the caller answers with CommuniGate's 550.
    /// </summary>
    public async Task<bool> TryHandleDisconnectedAsync(HttpContext http, string resource)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!RestoreState.IsPageName(resource))
            return false;
        await GuardAsync(http, () => DisconnectedAsync(http, resource, http.RequestAborted));
        return true;
    }

    private async Task SessionAsync(HttpContext http, WebUserSession session, string resource, CancellationToken cancellationToken)
    {
        if (!SessionCookie.Admits(http.Request, session))
        {
            await DisconnectedAsync(http, resource, cancellationToken);
            return;
        }
        if (!await sessionRequests.HandleAsync(http, session, resource, cancellationToken))
            await errors.WriteAsync(http, StatusCodes.Status404NotFound, null, cancellationToken);
    }

    private async Task StatelessAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path.StartsWith(Postern.Skins.SkinFilesPath.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await SkinFilesAsync(http, path, cancellationToken);
            return;
        }

        var parameters = await RequestParametersReader.ReadAsync(http.Request, services.Options.Limits, cancellationToken);
        var context = await StatelessContext.CreateAsync(http, services, parameters, cancellationToken);
        if (path is "/" || path.Equals("/default.html", StringComparison.OrdinalIgnoreCase))
        {
            await LoginAsync(http, context, cancellationToken);
            return;
        }
        if (path.StartsWith(AuthenticatedRealm, StringComparison.OrdinalIgnoreCase))
        {
            await AuthenticatedRealmAsync(http, context, path[AuthenticatedRealm.Length..], cancellationToken);
            return;
        }
        if (path.Equals("/RecoveryPassword.wssp", StringComparison.OrdinalIgnoreCase))
        {
            await WritePageAsync(http, context.Page(RecoveryPassword.PageName, await recovery.ProcessAsync(context, cancellationToken)), cancellationToken);
            return;
        }
        if (path.Equals("/Signup.wssp", StringComparison.OrdinalIgnoreCase))
        {
            var result = await signup.ProcessAsync(context, cancellationToken);
            await EnterAsync(http, context, result, "sign-up", cancellationToken);
            return;
        }

        var name = path[1..];
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
        {
            await errors.WriteAsync(http, StatusCodes.Status404NotFound, null, cancellationToken);
            return;
        }
        if (RestoreState.IsPageName(name))
        {
            // A stateless page without a component of its own renders with the generic stateless dataset.
            if (!await pages.TryWriteAsync(http, context.Page(name, context.CreateDataset()), cancellationToken))
                await errors.WriteAsync(http, StatusCodes.Status404NotFound, null, cancellationToken);
            return;
        }
        if (SkinFileResponder.IsServable(name) && context.Skin.FindFile(name.ToLowerInvariant()) is { } file)
            await SkinFileResponder.WriteAsync(http, file, SkinFileCaching.Short, cancellationToken);
        else
            await errors.WriteAsync(http, StatusCodes.Status404NotFound, null, cancellationToken);
    }

    /// <summary>
    /// <c>/auth/</c>: the realm whose requests are authenticated by the HTTP <c>Authorization</c> header
    /// (WebApp: "an HTTP request is authenticated first"). <c>/auth/</c> and <c>/auth/default.html</c> log in
    /// with the header's credentials and enter the session as a form login does; a missing header is answered
    /// 401 with <c>unauthorized.wssp</c>, refused credentials 401 with <c>denied.wssp</c>, so the browser asks
    /// the user. CG/PL applications (<c>.wcgp</c>) are not supported: 501.
    /// </summary>
    private async Task AuthenticatedRealmAsync(HttpContext http, StatelessContext context, string resource, CancellationToken cancellationToken)
    {
        if (resource.Contains(".wcgp", StringComparison.OrdinalIgnoreCase))
        {
            await errors.WriteAsync(http, StatusCodes.Status501NotImplemented, CgplNotSupported, cancellationToken);
            return;
        }
        if (resource.Length != 0 && !resource.Equals("default.html", StringComparison.OrdinalIgnoreCase))
        {
            await errors.WriteAsync(http, StatusCodes.Status404NotFound, null, cancellationToken);
            return;
        }
        var realm = context.Domain?.Name ?? http.Request.Host.Host;
        if (!Postern.Accounts.Security.BasicCredentials.TryParse(http.Request.Headers.Authorization, out var userName, out var password))
        {
            await errors.ChallengeAsync(http, realm, credentialsRefused: false, cancellationToken);
            return;
        }
        if (await login.ProcessAuthorizationAsync(context, userName, password, cancellationToken) is { } entered)
        {
            await EnterAsync(http, context, entered, "login", cancellationToken);
            return;
        }
        logger.LogInformation("WebUser login as {Name} from {Address} refused (HTTP authentication)", userName, http.Connection.RemoteIpAddress);
        await errors.ChallengeAsync(http, realm, credentialsRefused: true, cancellationToken);
    }

    private async Task LoginAsync(HttpContext http, StatelessContext context, CancellationToken cancellationToken) =>
        await EnterAsync(http, context, await login.ProcessAsync(context, cancellationToken), "login", cancellationToken);

    /// <summary>Answers what a login (or sign-up) decided: the cookie and the jump into the new session, or the page.</summary>
    private async Task EnterAsync(HttpContext http, StatelessContext context, LoginResult result, string what, CancellationToken cancellationToken)
    {
        if (result.Session is { } session)
        {
            logger.LogInformation("WebUser session {Number} opened for {Account} from {Address}", session.Number, session.Account, session.ClientAddress);
            SessionCookie.Set(http.Response, session);
        }
        else if (result.Dataset.Find("errorCode") is { } error)
        {
            logger.LogInformation("WebUser {What} as {Name} from {Address} refused: {Error}", what, context.Parameters["username"], http.Connection.RemoteIpAddress, error.AsString);
        }
        if (result.StartUrl is { } start)
        {
            // WebApp: a successful login redirects into the session realm, to the skin's StartPage.
            http.Response.StatusCode = StatusCodes.Status302Found;
            http.Response.Headers.Location = start;
            http.Response.Headers.CacheControl = "no-store";
            return;
        }
        await WritePageAsync(http, context.Page(result.PageName, result.Dataset), cancellationToken);
    }

    private async Task WritePageAsync(HttpContext http, PageRequest page, CancellationToken cancellationToken)
    {
        if (!await pages.TryWriteAsync(http, page, cancellationToken))
            await errors.WriteAsync(http, StatusCodes.Status404NotFound, null, cancellationToken);
    }

    private async Task DisconnectedAsync(HttpContext http, string resource, CancellationToken cancellationToken)
    {
        var parameters = await RequestParametersReader.ReadAsync(http.Request, services.Options.Limits, cancellationToken);
        var context = await StatelessContext.CreateAsync(http, services, RequestParameters.Empty, cancellationToken);
        var dataset = context.CreateDataset();
        login.AddLoginElements(context, dataset, null);
        RestoreState.FromInterrupted(resource, parameters, services.Options.Limits)?.AddTo(dataset);
        var page = context.Client.PageFor("disconnected.wssp");
        if (!await pages.TryWriteAsync(http, context.Page(page, dataset), cancellationToken)
            && !await pages.TryWriteAsync(http, context.Page("disconnected.wssp", dataset), cancellationToken))
            await PageResponder.WritePlainAsync(http, StatusCodes.Status200OK, "The session has ended. Log in again.", cancellationToken);
    }

    private async Task SkinFilesAsync(HttpContext http, string path, CancellationToken cancellationToken)
    {
        if (!Postern.Skins.SkinFilesPath.TryParse(path, out var filesPath) || !SkinFileResponder.IsServable(filesPath.FileName))
        {
            await errors.WriteAsync(http, StatusCodes.Status404NotFound, null, cancellationToken);
            return;
        }
        var skin = services.Skins.Select(filesPath.Domain, filesPath.SkinName);
        if (skin.FindFile(filesPath.FileName) is not { } file)
        {
            await errors.WriteAsync(http, StatusCodes.Status404NotFound, null, cancellationToken);
            return;
        }
        var caching = filesPath.Version == skin.Version ? SkinFileCaching.Immutable : SkinFileCaching.Short;
        await SkinFileResponder.WriteAsync(http, file, caching, cancellationToken);
    }

    /// <summary>The request boundary: answers what went wrong instead of dropping the connection.</summary>
    private async Task GuardAsync(HttpContext http, Func<Task> handle)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsPost(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            // WebApp CG/PL: "Only the GET, POST, and HEAD HTTP requests are supported."
            http.Response.Headers.Allow = "GET, HEAD, POST";
            await PageResponder.WritePlainAsync(http, StatusCodes.Status405MethodNotAllowed, "Only GET, HEAD and POST are supported.", http.RequestAborted);
            return;
        }
        try
        {
            await handle();
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The browser went away; nothing to answer.
        }
        catch (BadWebRequestException e)
        {
            logger.LogInformation("bad WebUser request {Path}: {Problem}", http.Request.Path, e.Message);
            await errors.WriteAsync(http, e.StatusCode, e.Message, http.RequestAborted);
        }
        catch (Exception e) when (e is PageRenderingException or Postern.Storage.StoreException or DataFormatException or IOException)
        {
            logger.LogError(e, "WebUser request {Path} failed", http.Request.Path);
            await errors.WriteAsync(http, StatusCodes.Status500InternalServerError, null, http.RequestAborted);
        }
    }
}
