namespace Postern.WebUser.Http;

/// <summary>A request the server will not process: malformed or over a <see cref="WebUserLimits"/> cap.</summary>
/// <param name="statusCode">The HTTP status to answer with (400, 413, 415).</param>
public sealed class BadWebRequestException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
