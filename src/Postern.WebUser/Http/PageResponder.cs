using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Postern.Data;
using Postern.Templates;

namespace Postern.WebUser.Http;

/// <summary>Renders WSSP pages into HTTP responses: redirects, charsets, content types and security headers.</summary>
public sealed class PageResponder(WebUserOptions options, TimeProvider time, ILogger<PageResponder> logger)
{
    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Renders the page; false when the skin has no such page (nothing was written).</summary>
    /// <remarks>The page is rendered into a pooled buffer and encoded straight into the response: no page-sized string or byte array is made.</remarks>
    /// <exception cref="PageRenderingException">The page does not compile or fails to render.</exception>
    public async Task<bool> TryWriteAsync(HttpContext http, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(page);
        var fileName = page.PageName.ToLowerInvariant();
        CompiledTemplate? template;
        try
        {
            template = page.Skin.FindTemplate(fileName);
        }
        catch (TemplateCompileException e)
        {
            logger.LogError(e, "page {Page} of {Skin} does not compile", fileName, page.Skin.Skin);
            throw new PageRenderingException(fileName, e);
        }
        if (template is null)
            return false;

        using var output = new TemplateOutput(template.Source.Length * 2);
        RenderOutcome outcome;
        try
        {
            var context = new TemplateContext(page.Dataset)
            {
                Strings = page.Skin.Strings(page.Language),
                Includes = page.Skin,
                Session = page.Session,
                Settings = page.Settings,
                AccountSettings = page.AccountSettings,
                Request = new TemplateRequest(http.Request.Path + http.Request.QueryString, http.Connection.RemoteIpAddress?.ToString(), http.Request.IsHttps),
                Mailboxes = page.Mailboxes,
                Language = page.Language,
                TimeZone = page.TimeZone,
                TimeZoneName = page.TimeZoneName,
                ServerVersion = options.ServerVersion,
                TimeProvider = time,
                // The output escaping follows the page's language: WML's variable syntax needs $ as $$.
                Markup = page.Client.IsWml() ? PageMarkup.Wml : PageMarkup.Html,
                CancellationToken = cancellationToken,
            };
            outcome = template.RenderTo(context, output);
        }
        catch (Exception e) when (e is TemplateCompileException or TemplateRenderException or DataFormatException)
        {
            logger.LogError(e, "page {Page} of {Skin} failed", fileName, page.Skin.Skin);
            throw new PageRenderingException(fileName, e);
        }

        var response = http.Response;
        AddSecurityHeaders(response, page);
        if (outcome.Redirect is { } redirect)
        {
            // WebApp, "Redirect-type Response": 301 with the first line's URL; RELREDIRECT gets scheme and host.
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = redirect.IsRelative
                ? $"{http.Request.Scheme}://{http.Request.Host}{(redirect.Url.StartsWith('/') ? "" : "/")}{redirect.Url}"
                : redirect.Url;
            return true;
        }

        var charset = page.Client.ForcedCharset() ?? outcome.Charset;
        var encoding = PageEncoding.TryGetEncoding(charset) ?? s_utf8;
        var length = encoding.GetByteCount(output.WrittenSpan);
        response.StatusCode = page.StatusCode;
        response.ContentType = (page.Client.IsWml() ? "text/vnd.wap.wml" : "text/html") + "; charset=" + charset;
        response.ContentLength = length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            var body = response.BodyWriter;
            body.Advance(encoding.GetBytes(output.WrittenSpan, body.GetSpan(length)));
            await body.FlushAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>A plain-text answer for when not even an error page can be rendered.</summary>
    public static async Task WritePlainAsync(HttpContext http, int statusCode, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = http.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        var body = Encoding.UTF8.GetBytes(message + "\n");
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
            await response.Body.WriteAsync(body, cancellationToken);
    }

    private void AddSecurityHeaders(HttpResponse response, PageRequest page)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Session URLs carry the session ID: it must not leak to other sites through the Referer field.
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "SAMEORIGIN";
        headers.ContentSecurityPolicy = page.AllowRemoteImages
            ? options.ContentSecurityPolicy.Replace("img-src 'self' data:", "img-src 'self' data: https: http:", StringComparison.Ordinal)
            : options.ContentSecurityPolicy;
        headers.CacheControl = page.IsPrivate ? "no-store" : "no-cache";
    }
}

/// <summary>A skin page failed to compile or render; the request is answered with the failure page.</summary>
public sealed class PageRenderingException(string page, Exception inner) : Exception($"The page {page} could not be rendered: {inner.Message}", inner);
