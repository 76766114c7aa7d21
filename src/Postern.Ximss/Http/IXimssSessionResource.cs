using Microsoft.AspNetCore.Http;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Http;

/// <summary>
/// A resource under a XIMSS session's URL other than the binding's own (<c>sync</c>, <c>async</c>,
/// <c>get</c>, <c>KILL</c>): e.g. <c>/Session/&lt;id&gt;/MIME/…</c> or <c>/UPLOAD/…</c> (docs/ximss.md §2).
/// Register one with <see cref="XimssServiceCollectionExtensions.AddXimssSessionResource{T}"/>.
/// </summary>
public interface IXimssSessionResource
{
    /// <summary>The first path segment after the session id, matched in any case (<c>MIME</c>).</summary>
    string Name { get; }

    /// <summary>Answers the request; <paramref name="path"/> is what follows <c>Name/</c>.</summary>
    Task HandleAsync(HttpContext context, XimssSession session, string path, CancellationToken cancellationToken);
}
