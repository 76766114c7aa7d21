using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Postern.WebUser.Sessions;

/// <summary>
/// The "Use Cookies" security option: the browser that logged in gets a secret cookie, and session requests
/// without it are treated as coming from a stranger who learned the session URL.
/// </summary>
public static class SessionCookie
{
    public const string Name = "PosternSession";

    /// <summary>Sets the cookie for a new session (scoped to its realm, hidden from scripts, never sent cross-site).</summary>
    public static void Set(HttpResponse response, WebUserSession session)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(session);
        if (session.CookieSecret is null)
            return;
        response.Cookies.Append(Name, session.CookieSecret, Options(response.HttpContext.Request, session));
    }

    /// <summary>Removes the cookie when the session ends.</summary>
    public static void Clear(HttpResponse response, WebUserSession session)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(session);
        if (session.CookieSecret is not null)
            response.Cookies.Delete(Name, Options(response.HttpContext.Request, session));
    }

    /// <summary>Whether the request may use the session: it brings the cookie, or the session does not use one.</summary>
    public static bool Admits(HttpRequest request, WebUserSession session)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        if (session.CookieSecret is not { } secret)
            return true;
        return request.Cookies.TryGetValue(Name, out var sent) && sent is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(secret));
    }

    private static CookieOptions Options(HttpRequest request, WebUserSession session) => new()
    {
        Path = "/Session/" + session.Id + "/",
        HttpOnly = true,
        Secure = request.IsHttps,
        // Strict: a page of another site that links or posts into the session does not carry the cookie.
        SameSite = SameSiteMode.Strict,
        IsEssential = true,
    };
}
