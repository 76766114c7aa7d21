using Postern.Mime.Parsing;

namespace Postern.Mime.Headers;

/// <summary>A parsed Content-Disposition (RFC 2183): <c>inline</c> or <c>attachment</c>, and parameters.</summary>
public sealed class ContentDisposition
{
    /// <summary>Creates a disposition; <paramref name="disposition"/> is lower-cased.</summary>
    public ContentDisposition(string disposition, ParameterList? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(disposition);
        Disposition = disposition.ToLowerInvariant();
        Parameters = parameters ?? ParameterList.Empty;
    }

    /// <summary>The disposition type, lower case: <c>inline</c>, <c>attachment</c> or an extension token.</summary>
    public string Disposition { get; }

    /// <summary>The parameters in order, decoded.</summary>
    public ParameterList Parameters { get; }

    /// <summary>Whether the disposition is <c>attachment</c>.</summary>
    public bool IsAttachment => Disposition == "attachment";

    /// <summary>Whether the disposition is <c>inline</c>.</summary>
    public bool IsInline => Disposition == "inline";

    /// <summary>The <c>filename</c> parameter (RFC 2183 §2.3), or null.</summary>
    public string? FileName => Parameters["filename"];

    /// <summary>Parses a Content-Disposition value; an empty or unreadable type reads as <c>attachment</c>.</summary>
    /// <remarks>RFC 2183 §2.8: an unrecognised disposition type should be treated as <c>attachment</c>.</remarks>
    public static ContentDisposition Parse(ReadOnlySpan<byte> value)
    {
        var reader = new ParameterReader(value);
        var token = reader.ReadToken();
        var parameters = ParameterList.Read(ref reader);
        return new ContentDisposition(token.IsEmpty ? "attachment" : MediaNames.Get(token), parameters);
    }
}
