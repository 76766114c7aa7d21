using System.Text;
using Postern.Mime.Parsing;

namespace Postern.Mime.Headers;

/// <summary>A parsed Content-Type (RFC 2045 §5): media type, subtype and parameters.</summary>
public sealed class ContentType
{
    /// <summary>Creates a content type; <paramref name="mediaType"/> and <paramref name="mediaSubtype"/> are lower-cased.</summary>
    public ContentType(string mediaType, string mediaSubtype, ParameterList? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        ArgumentException.ThrowIfNullOrEmpty(mediaSubtype);
        MediaType = mediaType.ToLowerInvariant();
        MediaSubtype = mediaSubtype.ToLowerInvariant();
        Parameters = parameters ?? ParameterList.Empty;
    }

    /// <summary>RFC 2045 §5.2: the type of a part without a Content-Type field (<c>text/plain; charset=us-ascii</c>).</summary>
    public static ContentType Default { get; } = new("text", "plain");

    /// <summary>The default inside multipart/digest (RFC 2046 §5.1.5).</summary>
    public static ContentType DigestDefault { get; } = new("message", "rfc822");

    /// <summary>The type used for parts whose type cannot be read at all and are not text.</summary>
    public static ContentType OctetStream { get; } = new("application", "octet-stream");

    /// <summary>The top-level media type, lower case: <c>text</c>, <c>multipart</c>, …</summary>
    public string MediaType { get; }

    /// <summary>The subtype, lower case: <c>plain</c>, <c>mixed</c>, …</summary>
    public string MediaSubtype { get; }

    /// <summary>The parameters in order, decoded.</summary>
    public ParameterList Parameters { get; }

    /// <summary><c>type/subtype</c>.</summary>
    public string MimeType => MediaType + "/" + MediaSubtype;

    /// <summary>The <c>charset</c> parameter, or null.</summary>
    public string? Charset => Parameters["charset"];

    /// <summary>The <c>boundary</c> parameter, or null.</summary>
    public string? Boundary => Parameters["boundary"];

    /// <summary>The <c>name</c> parameter (an old way to give a file name), or null.</summary>
    public string? Name => Parameters["name"];

    /// <summary>Whether this is <paramref name="mediaType"/>/<paramref name="mediaSubtype"/>; "*" matches any subtype.</summary>
    public bool Is(string mediaType, string mediaSubtype = "*") =>
        string.Equals(MediaType, mediaType, StringComparison.OrdinalIgnoreCase)
        && (mediaSubtype == "*" || string.Equals(MediaSubtype, mediaSubtype, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a Content-Type value; never fails (see <see cref="TryParse"/> for the fallbacks).</summary>
    public static ContentType Parse(ReadOnlySpan<byte> value)
    {
        TryParse(value, out var contentType);
        return contentType;
    }

    /// <summary>Parses a Content-Type value, answering false when it had to fall back.</summary>
    /// <remarks>
    /// An empty or unreadable type becomes <c>text/plain</c> (RFC 2045 §5.2 recommends the default for
    /// invalid fields). A type without subtype becomes <c>text/plain</c>, <c>multipart/mixed</c>,
    /// <c>message/rfc822</c> or <c>application/octet-stream</c> by its type. Parameters are kept either way.
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<byte> value, out ContentType contentType)
    {
        var reader = new ParameterReader(value);
        reader.ReadMediaType(out var type, out var subtype);
        var parameters = ParameterList.Read(ref reader);
        if (type.IsEmpty)
        {
            contentType = parameters.Count == 0 ? Default : new ContentType("text", "plain", parameters);
            return false;
        }

        var typeName = MediaNames.Get(type);
        if (subtype.IsEmpty)
        {
            var fallback = typeName switch
            {
                "text" => "plain",
                "multipart" => "mixed",
                "message" => "rfc822",
                _ => null,
            };
            contentType = fallback is null
                ? new ContentType("application", "octet-stream", parameters)
                : new ContentType(typeName, fallback, parameters);
            return false;
        }

        contentType = new ContentType(typeName, MediaNames.Get(subtype), parameters);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder(MimeType);
        foreach (var p in Parameters)
        {
            sb.Append("; ").Append(p.Name).Append("=\"").Append(p.Value.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
        }

        return sb.ToString();
    }
}
