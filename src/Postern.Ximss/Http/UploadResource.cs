using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Postern.Ximss.Mail;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Http;

/// <summary>
/// <c>/Session/&lt;id&gt;/UPLOAD/&lt;uploadID&gt;</c>: files a client posts to attach to a message
/// (<c>&lt;MIME uploadID="…"/&gt;</c> in <c>messageSubmit</c>) or to store (<c>messageAppend uploadID</c>), docs/ximss.md §2.5.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>POST</c> (or <c>PUT</c>) with <c>multipart/form-data</c>: the file is the first part named <c>fileData</c>
/// (the form field CGP clients use) or carrying a file name; any other body is the file itself.</item>
/// <item>The same ID again replaces the upload; <c>DELETE</c> drops it; all go when the session ends.</item>
/// <item>Limits (<see cref="XimssServerLimits"/>): 413 for a file over <c>MaxUploadSize</c> or a session
/// over its share, 503 when the server holds as many upload bytes as it may.</item>
/// </list>
/// </remarks>
internal sealed partial class UploadResource(UploadBudget budget, XimssOptions options) : IXimssSessionResource
{
    /// <summary>The form field of the file (sipnet's uploads, docs/ximss.md §2.5).</summary>
    private const string FileField = "fileData";

    private const int ChunkSize = 81920;

    public string Name => "UPLOAD";

    public async Task HandleAsync(HttpContext context, XimssSession session, string path, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var response = context.Response;
        var id = SessionResourcePath.Segments(context, Name, path) is [var single] ? single : "";
        if (!UploadId().IsMatch(id))
        {
            await HttpMessages.WriteStatusAsync(response, StatusCodes.Status404NotFound, "expected UPLOAD/<uploadID>: 1 to 128 letters, digits, '.', '_' or '-'", cancellationToken);
            return;
        }
        var uploads = session.GetState<MailSession>().Uploads;
        if (HttpMethods.IsDelete(request.Method))
        {
            if (uploads.Remove(id))
                HttpMessages.WriteEmpty(response);
            else
                await HttpMessages.WriteStatusAsync(response, StatusCodes.Status404NotFound, $"upload {id} is not found", cancellationToken);
            return;
        }
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method))
        {
            response.Headers[HeaderNames.Allow] = "POST, PUT, DELETE";
            await HttpMessages.WriteStatusAsync(response, StatusCodes.Status405MethodNotAllowed, "uploads are posted", cancellationToken);
            return;
        }

        var (upload, refusal) = await ReadAsync(request, cancellationToken);
        if (upload is not null && uploads.Add(id, upload, budget, options.Limits) == UploadRefusal.SessionFull)
            refusal = (StatusCodes.Status413PayloadTooLarge, "the session holds as many uploads as it may; delete some");
        if (refusal is var (status, text))
            await HttpMessages.WriteStatusAsync(response, status, text, cancellationToken);
        else
            HttpMessages.WriteEmpty(response);
    }

    private async Task<(Upload? Upload, (int Status, string Text)? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            && contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is { Length: > 0 } boundary)
        {
            var sections = new MultipartReader(boundary, request.Body);
            while (await sections.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                // The parts are read as they stream in: the first that is the file field or carries a file name is the file.
                if (section.GetContentDispositionHeader() is { } disposition
                    && (disposition.Name.Equals(FileField, StringComparison.Ordinal) || disposition.IsFileDisposition()))
                    return await ReadFileAsync(section.Body, section.ContentType, FileName(disposition), cancellationToken);
            }
            return (null, (StatusCodes.Status400BadRequest, $"the form has no {FileField} field"));
        }
        return await ReadFileAsync(request.Body, request.ContentType, null, cancellationToken);
    }

    /// <summary>Reads the file within the upload limits, holding its bytes against the server's budget as they arrive.</summary>
    private async Task<(Upload? Upload, (int Status, string Text)? Refusal)> ReadFileAsync(Stream body, string? type, string? fileName, CancellationToken cancellationToken)
    {
        var max = options.Limits.MaxUploadSize;
        using var content = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        try
        {
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (content.Length + read > max)
                    return Refuse(content, StatusCodes.Status413PayloadTooLarge, $"an upload may hold at most {max} bytes");
                if (!budget.TryReserve(read))
                    return Refuse(content, StatusCodes.Status503ServiceUnavailable, "the server holds as many uploads as it may; try again later");
                content.Write(chunk, 0, read);
            }
        }
        catch
        {
            budget.Release(content.Length);
            throw;
        }

        var (mediaType, subtype) = MediaTypeHeaderValue.TryParse(type, out var parsed) && parsed.MediaType.Value?.Split('/') is [var t, var s] && t.Length > 0 && s.Length > 0
            ? (t.ToLowerInvariant(), s.ToLowerInvariant())
            : ("application", "octet-stream");
        // The charset goes into the message's Content-Type: only a plain token is taken (RFC 2045 §5.1).
        var charset = HeaderUtilities.RemoveQuotes(parsed?.Charset ?? default).Value;
        if (charset is not null && (charset.Length == 0 || !charset.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+.^_`{|}~-".Contains(c))))
            charset = null;
        return (new Upload(content.ToArray(), mediaType, subtype, fileName, charset), null);
    }

    private (Upload?, (int, string)?) Refuse(MemoryStream content, int status, string text)
    {
        budget.Release(content.Length);
        return (null, (status, text));
    }

    /// <summary>The file name without any path a browser may have sent (old Internet Explorer sends <c>C:\…\name</c>).</summary>
    private static string? FileName(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        var last = name?.Replace('\\', '/').Split('/').LastOrDefault()?.Trim();
        return string.IsNullOrEmpty(last) ? null : last;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex UploadId();
}
