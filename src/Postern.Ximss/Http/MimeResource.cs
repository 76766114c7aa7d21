using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Postern.Mail;
using Postern.Mail.Access;
using Postern.Mail.Reading;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Http;

/// <summary>
/// <c>/Session/&lt;id&gt;/MIME/…</c>: a session's messages for a browser (docs/ximss.md §2.5).
/// <list type="bullet">
/// <item><c>MIME/&lt;mailbox&gt;/&lt;UID&gt;-P.txt</c>: the raw message as <c>text/plain</c>;</item>
/// <item><c>MIME/&lt;mailbox&gt;/&lt;UID&gt;-&lt;partID&gt;-B/&lt;file name&gt;</c>: one part, decoded, with its type and file name.</item>
/// </list>
/// The mailbox name is percent-encoded, <c>/</c> included or not (<c>~bob%40example.com%2FINBOX</c>, <c>Archive/2024</c>).
/// The user needs the read right, as for reading; nothing served can run script in the server's origin.
/// </summary>
internal sealed class MimeResource(MailboxAccess access, MessageReader reader) : IXimssSessionResource
{
    /// <summary>Types a browser may show in place: they cannot carry script. Everything else is served as a download.</summary>
    private static readonly HashSet<string> s_inlineTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/plain", "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "application/pdf",
    };

    public string Name => "MIME";

    public async Task HandleAsync(HttpContext context, XimssSession session, string path, CancellationToken cancellationToken)
    {
        var response = context.Response;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.Headers[HeaderNames.Allow] = "GET, HEAD";
            await HttpMessages.WriteStatusAsync(response, StatusCodes.Status405MethodNotAllowed, "only GET and HEAD", cancellationToken);
            return;
        }
        if (!TryParse(SessionResourcePath.Segments(context, Name, path), out var mailboxName, out var uid, out var partId))
        {
            await HttpMessages.WriteStatusAsync(response, StatusCodes.Status404NotFound, "expected MIME/<mailbox>/<UID>-P.txt or MIME/<mailbox>/<UID>-<partID>-B/<name>", cancellationToken);
            return;
        }

        try
        {
            var user = await access.GetUserAsync(session.AccountId, cancellationToken);
            var mailbox = await access.GetAsync(user, mailboxName, cancellationToken);
            if (partId is null)
                await SendSourceAsync(context, user, mailbox, uid, cancellationToken);
            else
            {
                using var message = await reader.OpenAsync(user, mailbox, uid, markSeen: false, cancellationToken);
                await SendPartAsync(context, message.GetDownload(partId), cancellationToken);
            }
        }
        catch (MailException e) when (!response.HasStarted)
        {
            var status = e.Code == MailErrorCode.AccessDenied ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
            await HttpMessages.WriteStatusAsync(response, status, e.Message, cancellationToken);
        }
    }

    /// <summary>
    /// <c>…/&lt;UID&gt;-P.txt</c> (mailbox = the segments before it) or <c>…/&lt;UID&gt;-&lt;partID&gt;-B[/name]</c>
    /// (mailbox = the segments before the part's); the file name is the client's and is not looked at.
    /// </summary>
    private static bool TryParse(string[] segments, out string mailbox, out uint uid, out string? partId)
    {
        (mailbox, uid, partId) = ("", 0, null);
        if (segments.Length >= 2 && segments[^1].EndsWith("-P.txt", StringComparison.OrdinalIgnoreCase))
        {
            mailbox = string.Join('/', segments[..^1]);
            return TryParseUid(segments[^1][..^"-P.txt".Length], out uid) && mailbox.Length > 0;
        }
        var part = Array.FindLastIndex(segments, s => s.EndsWith("-B", StringComparison.OrdinalIgnoreCase));
        if (part < 1 || part < segments.Length - 2)
            return false;
        var id = segments[part][..^2];
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == id.Length - 1 || !TryParseUid(id[..dash], out uid))
            return false;
        mailbox = string.Join('/', segments[..part]);
        partId = id[(dash + 1)..];
        return true;
    }

    private static bool TryParseUid(string text, out uint uid) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uid) && uid != 0;

    private async Task SendSourceAsync(HttpContext context, MailUser user, AccessibleMailbox mailbox, uint uid, CancellationToken cancellationToken)
    {
        await using var source = await reader.OpenSourceAsync(user, mailbox, uid, cancellationToken);
        var response = context.Response;
        // The message as text: a browser shows it, and text/plain cannot run anything.
        SetHeaders(response, "text/plain; charset=utf-8", ContentDispositionValue.Format("inline", uid.ToString(CultureInfo.InvariantCulture) + ".txt"));
        response.ContentLength = source.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await source.CopyToAsync(response.Body, cancellationToken);
    }

    private static async Task SendPartAsync(HttpContext context, PartDownload download, CancellationToken cancellationToken)
    {
        var part = download.Part;
        // The charset comes from the mail: only a plain token is passed on (RFC 9110 §5.6.2).
        var type = part.IsText && part.Charset is { Length: > 0 } charset && charset.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+.^_`|~-".Contains(c))
            ? $"{download.MediaType}; charset={charset}"
            : download.MediaType;
        var disposition = s_inlineTypes.Contains(download.MediaType) ? "inline" : "attachment";
        SetHeaders(context.Response, type, ContentDispositionValue.Format(disposition, download.FileName));
        if (!HttpMethods.IsHead(context.Request.Method))
            await download.WriteToAsync(context.Response.Body, cancellationToken);
    }

    private static void SetHeaders(HttpResponse response, string contentType, string disposition)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers[HeaderNames.ContentDisposition] = disposition;
        // Mail is not the server's own content: no sniffing it into HTML, no script, no plugins, no forms, even
        // when a browser is told to show it (the sandbox gives it an origin of its own).
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox";
        // A UID names one message for good (RFC 3501 §2.3.1.1): the browser may keep it, but only for this user.
        response.Headers[HeaderNames.CacheControl] = "private, max-age=3600";
    }
}
