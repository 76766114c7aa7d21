using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Postern.Skins;

namespace Postern.WebUser.Http;

/// <summary>How long browsers may keep a skin file.</summary>
public enum SkinFileCaching
{
    /// <summary>A <c>/SkinFiles/</c> URL with the skin's current version: the URL always means these bytes.</summary>
    Immutable,

    /// <summary>A URL without a version, or with an outdated one: cached briefly, then revalidated.</summary>
    Short,

    /// <summary>A file in a session realm: only this browser may keep it.</summary>
    Private,
}

/// <summary>Serves regular skin files (images, style sheets, scripts) with validators and cache lifetimes.</summary>
public static class SkinFileResponder
{
    /// <summary>
    /// Skin sources and data are not regular files: pages are rendered, never sent as text, and the
    /// includes, Text Datasets and CG/PL programs stay on the server.
    /// </summary>
    private static readonly string[] s_notServed = [".wssp", ".wssi", ".data", ".wcgp", ".wcgi", ".settings"];

    /// <summary>Whether <paramref name="fileName"/> may be sent as a regular file.</summary>
    public static bool IsServable(string fileName) =>
        !s_notServed.Any(extension => fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    public static async Task WriteAsync(HttpContext http, SkinFile file, SkinFileCaching caching, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(file);
        var response = http.Response;
        var etag = $"\"{file.Length:x}-{file.LastModifiedUtc.Ticks:x}-{(int)file.Skin.Level}\"";
        response.Headers.ETag = etag;
        response.Headers.LastModified = HeaderUtilities.FormatDate(file.LastModifiedUtc);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = caching switch
        {
            // The version in the URL changes with any file of the skin, so the URL can be kept for a year.
            SkinFileCaching.Immutable => "public, max-age=31536000, immutable",
            SkinFileCaching.Short => "public, max-age=300",
            _ => "private, max-age=600",
        };
        if (http.Request.Headers.IfNoneMatch.Any(value => value is not null && (value == etag || value == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = file.ContentType;
        response.ContentLength = file.Content.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
            await response.Body.WriteAsync(file.Content, cancellationToken);
    }
}
