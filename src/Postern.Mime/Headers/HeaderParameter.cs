namespace Postern.Mime.Headers;

/// <summary>One decoded Content-Type or Content-Disposition parameter.</summary>
/// <param name="Name">The parameter name without RFC 2231 section or charset markers, as written (compare case-insensitively).</param>
/// <param name="Value">The value: unquoted, RFC 2231 sections joined and charset-decoded, encoded-words decoded.</param>
public sealed record HeaderParameter(string Name, string Value);
