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
