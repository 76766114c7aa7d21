using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Postern.Ximss.Http;

/// <summary>
/// The segments of a session resource's URL after <c>/Session/&lt;id&gt;/NAME/</c>, each percent-decoded on its
/// own, so that an encoded <c>/</c> (<c>%2F</c>) inside a mailbox name stays inside its segment.
/// </summary>
internal static class SessionResourcePath
{
    /// <param name="context">The request; its raw target is read, before the server decoded anything.</param>
    /// <param name="name">The resource's name (<c>MIME</c>), matched in any case.</param>
    /// <param name="path">The path the router gave, used when the raw target is not available.</param>
    public static string[] Segments(HttpContext context, string name, string path)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
            raw = raw[..query];
        var marker = "/" + name + "/";
        var start = raw.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        var remainder = start >= 0 ? raw[(start + marker.Length)..] : path;
        return remainder.Split('/').Select(Uri.UnescapeDataString).ToArray();
    }
}
