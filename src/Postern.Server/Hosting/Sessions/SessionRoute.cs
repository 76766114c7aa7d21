using Microsoft.AspNetCore.Http;
using Postern.Sessions;

namespace Postern.Server.Hosting.Sessions;

/// <summary>Answers a request under <c>/Session/&lt;id&gt;/</c> for a live session of one kind.</summary>
/// <param name="context">The request.</param>
/// <param name="session">The session the URL names, found and address-checked.</param>
/// <param name="resource">What follows <c>/Session/&lt;id&gt;/</c> (<c>sync</c>, <c>get</c>, <c>MIME/INBOX/12-P.txt</c>…).</param>
public delegate Task SessionRequestHandler(HttpContext context, Session session, string resource);

/// <summary>The handler a module registers (as a singleton) for its kind of session.</summary>
public sealed record SessionRoute(SessionKind Kind, SessionRequestHandler Handle);

/// <summary>
/// Answers a request for a session that does not exist (or refuses the client's address), when the
/// request is one the module recognises; returns false to leave it to the default answer.
/// </summary>
/// <param name="context">The request.</param>
/// <param name="resource">What follows <c>/Session/&lt;id&gt;/</c>.</param>
public delegate Task<bool> SessionGoneHandler(HttpContext context, string resource);

/// <summary>
/// A module's answer for requests to sessions that are gone (registered as a singleton): WebUser shows
/// its <c>disconnected.wssp</c> page to browsers asking for pages, where XIMSS clients get 550.
/// </summary>
public sealed record SessionGoneRoute(SessionGoneHandler Handle);
