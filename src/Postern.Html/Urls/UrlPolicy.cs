using System.Buffers;
using Postern.Html.Sanitizing;

namespace Postern.Html.Urls;

/// <summary>
/// Decides which URLs of a message survive, after undoing the tricks that hide a scheme from naive checks.
/// Only absolute http, https, mailto and tel URLs, references to the message's own parts (<c>cid:</c> and
/// Content-Location), <c>data:image/…</c> sources and in-message fragments pass; other relative URLs never do,
/// because they would resolve against the page the message is shown in.
/// </summary>
internal sealed class UrlPolicy(HtmlSanitizerOptions options, IdentifierPrefixer prefixer)
{
    /// <summary>WHATWG URL §4.4 basic URL parser: tab and newline are removed anywhere in the input.</summary>
    private static readonly SearchValues<char> s_removedAnywhere = SearchValues.Create("\t\n\r");

    /// <summary>Image formats browsers decode without running anything (SVG can carry script and links: not here).</summary>
    private static readonly HashSet<string> s_dataImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/gif", "image/jpeg", "image/jpg", "image/pjpeg", "image/webp", "image/bmp", "image/avif",
    };

    public UrlVerdict Evaluate(string raw, UrlUse use)
    {
        var url = Clean(raw);
        if (url.Length == 0)
            return UrlVerdict.Reject("url empty");
        if (url[0] == '#')
            return use == UrlUse.Link ? UrlVerdict.Allow(Fragment(url)) : UrlVerdict.Reject("url fragment");

        var scheme = SchemeOf(url);
        if (scheme is null or "http" or "https" && options.ResolveContentLocation?.Invoke(url) is { } part)
            return UrlVerdict.Allow(part);
        if (scheme is null)
        {
            // "//host/path" (or with backslashes, which browsers read as slashes) is absolute with the page's
            // scheme; anything else without a scheme would resolve against the page's own address.
            return IsSlash(url[0]) && url.Length > 1 && IsSlash(url[1])
                ? Remote("https:" + url, use)
                : UrlVerdict.Reject("url relative");
        }

        return scheme switch
        {
            "http" or "https" => Remote(url, use),
            "mailto" or "tel" => use == UrlUse.Link ? Link(url) : UrlVerdict.Reject("url " + scheme + ":"),
            "cid" => ContentId(url),
            "data" => use == UrlUse.Image ? DataImage(url) : UrlVerdict.Reject("url data:"),
            _ => UrlVerdict.Reject("url " + scheme + ":"),
        };
    }

    /// <summary>
    /// WHATWG URL §4.4: leading and trailing C0 controls and spaces are stripped, tab and newline removed
    /// anywhere, so <c>" jav&amp;#x09;ascript:"</c> is read as <c>javascript:</c> here exactly as by a browser.
    /// </summary>
    internal static string Clean(string raw)
    {
        var span = raw.AsSpan();
        var start = 0;
        while (start < span.Length && span[start] <= ' ')
            start++;
        var end = span.Length;
        while (end > start && span[end - 1] <= ' ')
            end--;
        span = span[start..end];
        if (span.IndexOfAny(s_removedAnywhere) < 0)
            return span.Length == raw.Length ? raw : span.ToString();

        var cleaned = new char[span.Length];
        var length = 0;
        foreach (var c in span)
        {
            if (c is not ('\t' or '\n' or '\r'))
                cleaned[length++] = c;
        }
        return new string(cleaned, 0, length);
    }

    /// <summary>RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), compared case-insensitively.</summary>
    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(url[0]))
            return null;
        for (var i = 1; i < colon; i++)
        {
            var c = url[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
                return null;
        }
        return url[..colon].ToLowerInvariant();
    }

    private static bool IsSlash(char c) => c is '/' or '\\';

    private UrlVerdict Remote(string url, UrlUse use) => use switch
    {
        UrlUse.Link => Link(url),
        UrlUse.Citation => UrlVerdict.Allow(url),
        _ => options.AllowRemoteContent ? UrlVerdict.Allow(url) : UrlVerdict.BlockRemote(),
    };

    private UrlVerdict Link(string url)
    {
        if (options.RewriteLink is not { } rewrite)
            return UrlVerdict.Allow(url);
        return rewrite(url) is { } rewritten ? UrlVerdict.Allow(rewritten) : UrlVerdict.Reject("url rewritten away");
    }

    /// <summary>An in-message anchor: its name gets the same prefix as the ids and names it points at.</summary>
    private string Fragment(string url) => url.Length == 1 ? url : "#" + prefixer.Prefix(url[1..]);

    /// <summary>RFC 2392 §2: a cid URL is the Content-ID without angle brackets, with %hh escapes.</summary>
    private UrlVerdict ContentId(string url)
    {
        var contentId = Uri.UnescapeDataString(url[4..]);
        if (contentId.Length == 0 || options.ResolveContentId?.Invoke(contentId) is not { } resolved)
            return UrlVerdict.Reject("url cid: unresolved");
        return UrlVerdict.Allow(resolved);
    }

    /// <summary>RFC 2397: data:[&lt;mediatype&gt;][;base64],&lt;data&gt;; only the raster image types above.</summary>
    private UrlVerdict DataImage(string url)
    {
        if (url.Length > options.Limits.MaxDataUrlChars)
            return UrlVerdict.Reject("url data: too long");
        var comma = url.IndexOf(',');
        if (comma < 0)
            return UrlVerdict.Reject("url data:");
        var header = url.AsSpan(5, comma - 5);
        var semicolon = header.IndexOf(';');
        var mediaType = (semicolon < 0 ? header : header[..semicolon]).Trim().ToString();
        return s_dataImageTypes.Contains(mediaType) ? UrlVerdict.Allow(url) : UrlVerdict.Reject("url data:" + mediaType.ToLowerInvariant());
    }
}
