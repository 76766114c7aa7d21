using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;

namespace Postern.Ximss.Http;

/// <summary>Reading request bodies and writing the binding's replies (seed, "HTTP Binding").</summary>
internal static class HttpMessages
{
    /// <summary>CommuniGate's status for a session that does not exist (any more); clients treat it as "disconnected" (docs/ximss.md §2).</summary>
    public const int SessionGone = 550;

    private const string XmlContentType = "text/xml;charset=utf-8";

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>. Empty for none.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }
            if (result.IsCompleted)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>True when a body holds something other than whitespace (an "empty request" may still carry a CRLF).</summary>
    public static bool HasContent(ReadOnlySpan<byte> body) => body.IndexOfAnyExcept(" \t\r\n"u8) >= 0;

    /// <summary>Sends a <c>text/xml</c> reply; replies are never cached (a poll repeats the same URL, seed "getSeq").</summary>
    public static Task WriteXmlAsync(HttpResponse response, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = XmlContentType;
        response.Headers[HeaderNames.CacheControl] = "no-cache, no-store";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, cancellationToken).AsTask();
    }

    /// <summary><c>&lt;XIMSS&gt;&lt;response errorText errorNum/&gt;&lt;/XIMSS&gt;</c>: a failure outside any request, as clients parse it (docs/ximss.md §2).</summary>
    public static Task WriteErrorAsync(HttpResponse response, XimssError error, CancellationToken cancellationToken)
    {
        using var output = new XimssOutput(terminateMessages: false);
        output.Writer.WriteStartContainer();
        output.Writer.WriteResponse(null, error);
        output.Writer.WriteEndElement();
        return WriteXmlAsync(response, output.Written.ToArray(), cancellationToken);
    }

    /// <summary>An empty 200 reply (the answer to <c>/async</c> posts and <c>KILL</c>).</summary>
    public static void WriteEmpty(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain;charset=utf-8";
        response.Headers[HeaderNames.CacheControl] = "no-cache, no-store";
        response.ContentLength = 0;
    }

    /// <summary>A plain-text refusal.</summary>
    public static Task WriteStatusAsync(HttpResponse response, int status, string text, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain;charset=utf-8";
        response.Headers[HeaderNames.CacheControl] = "no-cache, no-store";
        return response.WriteAsync(text + "\n", cancellationToken);
    }

    /// <summary>A whole-number query parameter, or null when absent; false when present but not a number.</summary>
    public static bool TryGetNumber(IQueryCollection query, string name, out long? value)
    {
        value = null;
        var text = query[name].ToString();
        if (text.Length == 0)
            return true;
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return false;
        value = number;
        return true;
    }

    /// <summary>A flag parameter such as <c>DisableIPWatch=1</c>: <c>1</c>, <c>yes</c> or <c>true</c>.</summary>
    public static bool IsSet(string? value) =>
        value is not null && (value == "1" || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
