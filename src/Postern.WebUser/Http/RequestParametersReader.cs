using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Postern.Mime.Encodings;

namespace Postern.WebUser.Http;

/// <summary>Reads the URL parameters and the form of a request into <see cref="RequestParameters"/>.</summary>
/// <remarks>
/// Values are decoded from the charset named by the <c>FormCharset</c> parameter, else from UTF-8
/// (WebApp, <c>GetHTTPParameter</c>): parsing is done here rather than by ASP.NET Core, which only decodes
/// UTF-8. Line breaks in values are normalised to CRLF, as mail wants them.
/// </remarks>
public static class RequestParametersReader
{
    private const string FormCharsetParameter = "FormCharset";

    /// <summary>Room for part headers, boundaries and text fields around the uploaded files: a few KB in practice.</summary>
    private const long MultipartOverheadBytes = 1024 * 1024;

    /// <exception cref="BadWebRequestException">The form is malformed or over a limit.</exception>
    public static async Task<RequestParameters> ReadAsync(HttpRequest request, WebUserLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = new List<(byte[] Name, byte[] Value)>();
        var files = new List<(string Name, string FileName, string ContentType, byte[] Content)>();
        ParseUrlEncoded(Encoding.ASCII.GetBytes(request.QueryString.Value is { Length: > 1 } query ? query[1..] : ""), raw, limits);

        if (HttpMethods.IsPost(request.Method) && request.ContentType is { } contentType)
        {
            // The server's own body limit (Kestrel: 30 MB) must not cut an upload WebUser accepts; the
            // uploads are bounded by MaxUploadBytes below instead (headers and boundaries add a little).
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
                bodySize.MaxRequestBodySize = limits.MaxUploadBytes + MultipartOverheadBytes;
            try
            {
                if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                    ParseUrlEncoded(await ReadBodyAsync(request.Body, limits.MaxFormBytes, $"A form may be at most {limits.MaxFormBytes} bytes.", cancellationToken), raw, limits);
                else if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                    await ReadMultipartAsync(request, contentType, raw, files, limits, cancellationToken);
            }
            catch (BadHttpRequestException e)
            {
                throw new BadWebRequestException(e.StatusCode, "The request body could not be read: " + e.Message);
            }
        }

        var charset = raw.Where(p => Encoding.ASCII.GetString(p.Name) == FormCharsetParameter).Select(p => Encoding.ASCII.GetString(p.Value)).FirstOrDefault();
        var encoding = Charsets.Find(charset) ?? Charsets.Utf8;
        var values = raw.Select(p => new KeyValuePair<string, string>(encoding.GetString(p.Name), NormalizeLineBreaks(encoding.GetString(p.Value))));
        var uploaded = files.Select(f => new UploadedFile(f.Name, f.FileName, f.ContentType, f.Content));
        return new RequestParameters(values, uploaded);
    }

    /// <summary>Parses <c>a=1&amp;b=x+y</c> into raw name and value bytes (HTML 4.01 §17.13.4.1).</summary>
    internal static void ParseUrlEncoded(ReadOnlySpan<byte> text, List<(byte[] Name, byte[] Value)> into, WebUserLimits limits)
    {
        while (text.Length > 0)
        {
            var end = text.IndexOfAny((byte)'&', (byte)';');
            var pair = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            if (pair.Length == 0)
                continue;
            var equals = pair.IndexOf((byte)'=');
            var name = PercentDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? [] : PercentDecode(pair[(equals + 1)..]);
            Add(into, name, value, limits);
        }
    }

    private static void Add(List<(byte[] Name, byte[] Value)> into, byte[] name, byte[] value, WebUserLimits limits)
    {
        if (into.Count >= limits.MaxParameters)
            throw new BadWebRequestException(StatusCodes.Status413PayloadTooLarge, $"A request may carry at most {limits.MaxParameters} parameters.");
        into.Add((name, value));
    }

    private static byte[] PercentDecode(ReadOnlySpan<byte> text)
    {
        var output = new byte[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == '+')
            {
                output[length++] = (byte)' ';
            }
            else if (b == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                output[length++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 2;
            }
            else
            {
                // A stray '%' is kept as it is, as browsers and CommuniGate do.
                output[length++] = b;
            }
        }
        return output.AsSpan(0, length).ToArray();
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static async Task<byte[]> ReadBodyAsync(Stream body, long maxBytes, string tooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new BadWebRequestException(StatusCodes.Status413PayloadTooLarge, tooLarge);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task ReadMultipartAsync(
        HttpRequest request, string contentType, List<(byte[] Name, byte[] Value)> raw,
        List<(string, string, string, byte[])> files, WebUserLimits limits, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw new BadWebRequestException(StatusCodes.Status400BadRequest, "The multipart form has no usable boundary.");

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limits.MaxUploadBytes };
        long total = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition())
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var content = await ReadBodyAsync(section.Body, limits.MaxUploadBytes - total, $"An upload may be at most {limits.MaxUploadBytes} bytes.", cancellationToken);
                total += content.Length;
                if (disposition.IsFileDisposition())
                {
                    var fileName = Path.GetFileName((HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                        ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "").Replace('\\', '/'));
                    // An empty file input sends a part with no name and no bytes: nothing was chosen.
                    if (fileName.Length == 0 && content.Length == 0)
                        continue;
                    if (files.Count >= limits.MaxUploadedFiles)
                        throw new BadWebRequestException(StatusCodes.Status413PayloadTooLarge, $"At most {limits.MaxUploadedFiles} files can be uploaded at once.");
                    files.Add((name, fileName.Length == 0 ? "attachment" : fileName, section.ContentType ?? "application/octet-stream", content));
                }
                else
                {
                    Add(raw, Encoding.UTF8.GetBytes(name), content, limits);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new BadWebRequestException(StatusCodes.Status413PayloadTooLarge, "The upload is malformed or too large: " + e.Message);
        }
    }

    /// <summary>Browsers send CRLF in text areas, but a hand-made request may not; mail needs CRLF.</summary>
    private static string NormalizeLineBreaks(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal))
            return value;
        return value.ReplaceLineEndings("\r\n");
    }
}
