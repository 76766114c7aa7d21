using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Postern.Server.Logging;
using Postern.Sessions;

namespace Postern.Server.Hosting.Sessions;

/// <summary>
/// The one entry to <c>/Session/&lt;id&gt;/…</c>, which XIMSS and WebUser sessions share: finds the
/// session in the registry and hands the request to the module that owns its kind.
/// </summary>
/// <remarks>
/// An unknown or expired session, and a session bound to another client address, are answered alike
/// with CommuniGate's 550 (clients show "you have been disconnected", docs/ximss.md §2); answering a
/// wrong address differently would tell a stranger the id is live. A module may answer such requests
/// itself first (<see cref="SessionGoneRoute"/>): WebUser shows browsers its disconnected page.
/// </remarks>
public sealed class SessionRouter
{
    /// <summary>CommuniGate's status for a session that does not exist (any more).</summary>
    public const int SessionGone = 550;

    private readonly SessionRegistry _registry;
    private readonly Dictionary<SessionKind, SessionRequestHandler> _handlers;
    private readonly SessionGoneHandler[] _goneHandlers;
    private readonly ILogger _log;

    public SessionRouter(SessionRegistry registry, IEnumerable<SessionRoute> routes, IEnumerable<SessionGoneRoute> goneRoutes, ILoggerFactory loggers)
    {
        _registry = registry;
        _handlers = routes.ToDictionary(route => route.Kind, route => route.Handle);
        _goneHandlers = goneRoutes.Select(route => route.Handle).ToArray();
        _log = loggers.CreateLogger(LogTags.Http);
    }

    public async Task HandleAsync(HttpContext context, string id, string? resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
        switch (_registry.Find(id, client, out var session))
        {
            case SessionLookup.Found when _handlers.TryGetValue(session!.Kind, out var handle):
                await handle(context, session, resource ?? "");
                return;
            case SessionLookup.WrongAddress:
                _log.LogWarning("[{Address}] request for a session bound to another address refused", client);
                break;
        }
        foreach (var gone in _goneHandlers)
        {
            if (await gone(context, resource ?? ""))
                return;
        }
        context.Response.StatusCode = SessionGone;
    }
}
