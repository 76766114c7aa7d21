using Microsoft.AspNetCore.Http;

namespace Postern.WebUser.Http;

/// <summary>The kind of browser a request comes from, which decides the skins and pages used.</summary>
public enum ClientKind
{
    Html,

    /// <summary>A WAP/WML browser: its <c>Accept</c> field contains <c>wml</c> (WebApp, "WAP/WML Skins").</summary>
    Wml,

    /// <summary>A Japanese I-Mode browser (<c>DoCoMo</c> in <c>User-Agent</c>); pages are sent in Shift-JIS.</summary>
    IModeJapanese,

    /// <summary>A European I-Mode browser (<c>portalmmm</c> in <c>User-Agent</c>); pages are sent in windows-1252.</summary>
    IModeEuropean,
}

/// <summary>Tells the browser kinds apart by the request header fields CommuniGate looks at.</summary>
public static class ClientKinds
{
    public static ClientKind Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // WebApp, "WAP/WML Skins": an Accept field containing "wml" means a WML browser.
        if (request.Headers.Accept.Any(value => value is not null && value.Contains("wml", StringComparison.OrdinalIgnoreCase)))
            return ClientKind.Wml;
        // WebApp, "cHTML (I-Mode) Skins".
        var agent = request.Headers.UserAgent.ToString();
        if (agent.Contains("DoCoMo", StringComparison.Ordinal))
            return ClientKind.IModeJapanese;
        if (agent.Contains("portalmmm", StringComparison.Ordinal))
            return ClientKind.IModeEuropean;
        return ClientKind.Html;
    }

    public static bool IsWml(this ClientKind kind) => kind == ClientKind.Wml;

    public static bool IsIMode(this ClientKind kind) => kind is ClientKind.IModeJapanese or ClientKind.IModeEuropean;

    /// <summary>The page a browser of this kind is shown: WML browsers get the <c>w</c> variant (<c>wlogin.wssp</c>).</summary>
    public static string PageFor(this ClientKind kind, string page) => kind == ClientKind.Wml ? "w" + page : page;

    /// <summary>The charset every page for this browser is converted to, or null to keep the page's own.</summary>
    public static string? ForcedCharset(this ClientKind kind) => kind switch
    {
        ClientKind.IModeJapanese => "shift_jis",
        ClientKind.IModeEuropean => "windows-1252",
        _ => null,
    };
}
