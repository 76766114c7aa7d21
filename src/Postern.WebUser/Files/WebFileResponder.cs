using Microsoft.AspNetCore.Http;
using Postern.Storage.Files;
using Postern.WebUser.Http;
using Postern.WebUser.Mail;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Files;

/// <summary>
/// Sends a file of the session account's File Storage: <c>/Session/&lt;id&gt;/WebFile/&lt;path&gt;</c>
/// (WebApp, WebSite: <c>fileRef</c> is <c>WebFile/</c>). Like message parts, only passive images are shown
/// inline; HTML, SVG and everything else are attachments in a sandbox, so a stored file never runs script
/// in the WebUser origin.
/// </summary>
public sealed class WebFileResponder(WebUserServices services)
{
    /// <summary>The session-realm prefix of File Storage URLs (the WebSite component's <c>fileRef</c>).</summary>
    public const string Prefix = "WebFile/";

    /// <summary>The URL path of a file below <see cref="Prefix"/>: each name escaped, the separators kept.</summary>
    public static string UrlPathOf(FilePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('/', path.Names.Select(Uri.EscapeDataString));
    }

    /// <param name="path">What follows <see cref="Prefix"/>, as routing decoded it.</param>
    /// <returns>False when the path does not name a file of the account.</returns>
    public async Task<bool> TryWriteAsync(HttpContext http, WebUserSession session, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(session);
        if (!FilePath.TryParse(NameFromRequestTarget(http) ?? path, out var file, out _) || file.IsRoot)
            return false;
        FileContent content;
        try
        {
            content = await services.Store.Files.OpenReadAsync(session.AccountRecord.Id, file, cancellationToken);
        }
        catch (FileStorageException)
        {
            return false;
        }
        await using (content)
        {
            var contentType = Attachments.GuessContentType(file.Name);
            var inline = MessagePartResponder.IsPassiveImage(contentType) && !http.Request.Query.ContainsKey("Download");
            MessagePartResponder.WriteDownloadHeaders(http.Response, contentType, file.Name, inline, content.Entry.Size);
            // The file may change at any time: the browser asks again each time.
            http.Response.Headers.CacheControl = "private, no-cache";
            if (!HttpMethods.IsHead(http.Request.Method))
                await content.Stream.CopyToAsync(http.Response.Body, cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// The path decoded once from the request target. The server's decoded path keeps <c>%2F</c> escaped and
    /// decodes everything else, so a name with a <c>%</c> in it would not survive a second decoding.
    /// </summary>
    private static string? NameFromRequestTarget(HttpContext http)
    {
        var target = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        var marker = "/" + Prefix;
        var start = target?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
            return null;
        var escaped = target![(start + marker.Length)..];
        var query = escaped.IndexOf('?', StringComparison.Ordinal);
        return Uri.UnescapeDataString(query < 0 ? escaped : escaped[..query]);
    }
}
