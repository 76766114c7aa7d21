using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Postern.WebUser.Http;

namespace Postern.WebUser.Sessions;

/// <summary>
/// Cross-site request forgery protection: a request may change something only when it carries the
/// session's <c>FormToken</c> and does not come from another site.
/// </summary>
public static class FormTokenCheck
{
    /// <summary>The parameter state-changing forms carry: <c>&lt;input type="hidden" name="FormToken" value="%%SESSION(FormToken)%%"&gt;</c>.</summary>
    public const string ParameterName = "FormToken";

    /// <summary>The error code a page shows when actions were refused for a missing or wrong token.</summary>
    public const string InvalidFormToken = "InvalidFormToken";

    public static bool IsValid(HttpRequest request, RequestParameters parameters, WebUserSession session)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(session);
        // Fetch Metadata (W3C): a browser marks requests started by another site.
        if (request.Headers["Sec-Fetch-Site"].ToString().Equals("cross-site", StringComparison.OrdinalIgnoreCase))
            return false;
        // RFC 6454 §7: a form posted from another origin says so in Origin.
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin && origin != "null"
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri)
                || !string.Equals(originUri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
            return false;
        var token = parameters[ParameterName];
        return token is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(session.FormToken));
    }
}
