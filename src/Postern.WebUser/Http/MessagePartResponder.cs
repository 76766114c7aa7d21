using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Postern.Mime;
using Postern.Mail;
using Postern.Mail.Reading;
using Postern.WebUser.Mail;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Http;

/// <summary>
/// Sends one part of a stored message (attachments, inline images, uuencoded files embedded in text):
/// <c>/Session/&lt;id&gt;/MIME/&lt;uid&gt;/&lt;partId&gt;/&lt;fileName&gt;?Mailbox=…[&amp;Embedded=n][&amp;Download=1]</c>.
/// </summary>
/// <remarks>
/// Only images of passive formats are shown inline; every other part, HTML and SVG included, is sent as
/// an attachment in a sandbox, so a message part can never run script in the WebUser origin.
/// </remarks>
public sealed class MessagePartResponder(WebUserServices services)
{
    /// <summary>The session-realm prefix of part URLs.</summary>
    public const string Prefix = "MIME/";

    /// <summary>The part ID segment that stands for the message body (whose part ID is empty).</summary>
    public const string BodyPartSegment = "_";

    private static readonly HashSet<string> s_inlineImages = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/jpg", "image/pjpeg", "image/gif", "image/webp", "image/bmp",
    };

    /// <summary>The session-relative URL of a part (append nothing; the file name is part of it).</summary>
    public static string UrlFor(string sessionPrefix, string mailbox, uint uid, string partId, string fileName, int? embedded = null)
    {
        var url = new StringBuilder(sessionPrefix).Append(Prefix).Append(uid).Append('/')
            .Append(partId.Length == 0 ? BodyPartSegment : Uri.EscapeDataString(partId)).Append('/')
            .Append(Uri.EscapeDataString(fileName.Length == 0 ? "part" : fileName))
            .Append("?Mailbox=").Append(Uri.EscapeDataString(mailbox));
        if (embedded is { } number)
            url.Append("&Embedded=").Append(number);
        return url.ToString();
    }

    /// <returns>False when the path does not name an existing part.</returns>
    public async Task<bool> TryWriteAsync(HttpContext http, WebUserSession session, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(session);
        var segments = path.Split('/');
        if (segments.Length != 3 || !uint.TryParse(segments[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var uid)
            || http.Request.Query["Mailbox"].ToString() is not { Length: > 0 } mailboxName)
            return false;
        StoredMessage stored;
        try
        {
            // The mail services check that the user may read the mailbox (own, shared or alias).
            var mailbox = await services.Access.GetAsync(session.User, mailboxName, cancellationToken);
            stored = await services.Reader.OpenAsync(session.User, mailbox, uid, markSeen: false, cancellationToken);
        }
        catch (MailException)
        {
            return false;
        }
        // The part is read from the store's lease of the message's bytes until the response is written.
        using var read = stored;
        var partId = segments[1] == BodyPartSegment ? "" : Uri.UnescapeDataString(segments[1]);
        if (stored.Message.FindPart(partId) is not { } part || part.IsMultipart)
            return false;

        ReadOnlyMemory<byte> content;
        string contentType;
        string fileName;
        if (int.TryParse(http.Request.Query["Embedded"], out var embedded))
        {
            if (part.FindEmbeddedFiles().FirstOrDefault(f => f.Number == embedded) is not { } file)
                return false;
            content = file.Decode();
            fileName = Attachments.CleanFileName(file.FileName, null);
            contentType = Attachments.GuessContentType(fileName);
        }
        else
        {
            // Not copied: an identity-encoded body is written straight from the lease.
            content = part.DecodeContent();
            contentType = part.ContentType.MediaType + "/" + part.ContentType.MediaSubtype;
            fileName = Attachments.CleanFileName(part.FileName, part);
        }

        var inline = IsPassiveImage(contentType) && !http.Request.Query.ContainsKey("Download");
        WriteDownloadHeaders(http.Response, contentType, fileName, inline, content.Length);
        http.Response.Headers.CacheControl = "private, max-age=3600";
        if (!HttpMethods.IsHead(http.Request.Method))
            await http.Response.Body.WriteAsync(content, cancellationToken);
        return true;
    }

    /// <summary>Whether a media type is an image format that runs nothing, so it may be shown inline.</summary>
    internal static bool IsPassiveImage(string contentType) => s_inlineImages.Contains(contentType);

    /// <summary>
    /// The headers of a file sent to the browser from the session origin: everything but passive images
    /// is an attachment, nothing is sniffed into another type, and whatever a browser still renders runs
    /// in a sandbox with no script and no requests beyond same-origin images.
    /// </summary>
    internal static void WriteDownloadHeaders(HttpResponse response, string contentType, string fileName, bool inline, long length)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.ContentLength = length;
    }
}
