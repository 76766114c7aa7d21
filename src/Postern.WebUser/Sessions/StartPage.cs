using Postern.Skins;
using Postern.WebUser.Stateless;

namespace Postern.WebUser.Sessions;

/// <summary>Where a session starts: the session skin's <c>StartPage</c> string (<c>wStartPage</c> for WML sessions).</summary>
public static class StartPage
{
    /// <summary>The page used when the skin names none (or names something that is not a page).</summary>
    public const string Fallback = "Mailboxes.wssp";

    /// <summary>The absolute URL of the session's start page, <c>/Session/&lt;id&gt;/&lt;StartPage&gt;</c>.</summary>
    public static string UrlFor(SkinCatalog skins, WebUserSession session)
    {
        ArgumentNullException.ThrowIfNull(skins);
        ArgumentNullException.ThrowIfNull(session);
        var strings = skins.Select(session.Domain.Name, session.SkinName).Strings(StatelessContext.LanguageOrDefault(session.Preferences.Language));
        var key = session.Client == Http.ClientKind.Wml ? "wStartPage" : "StartPage";
        var page = strings.Find(key)?.AsString is { Length: > 0 } named && RestoreState.IsPageName(named.Split('?')[0]) ? named : Fallback;
        return "/Session/" + session.Id + "/" + page;
    }
}
