using System.Text;
using Postern.Data;
using Postern.WebUser.Http;

namespace Postern.WebUser.Stateless;

/// <summary>
/// A request interrupted because its session was gone, carried through a new login so it can be resumed
/// (WebApp, login dataset: <c>restoreSessionPage</c>, <c>restoreCharset</c>, <c>restoreParameters</c>;
/// <c>resume.wssp</c>).
/// </summary>
/// <remarks>
/// The old session's <c>FormToken</c> is never carried over: a resumed request that would change
/// something is refused until the user submits it again from the page shown in the new session, so a
/// crafted "disconnected" link cannot make a login perform an action.
/// </remarks>
public sealed record RestoreState(string SessionPage, string Charset, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>The longest jumpPage URL that carries the parameters; longer ones are left to a form post.</summary>
    private const int MaxJumpUrlLength = 2000;

    /// <summary>Login and form-plumbing parameters that are never part of the interrupted request.</summary>
    private static readonly HashSet<string> s_notRestored = new(StringComparer.Ordinal)
    {
        "username", "password", "restoreSessionPage", "restoreCharset", "Skin", "Language", "SessionSkin",
        "DisableIPWatch", "DisableUseCookie", "FormCharset", "FormToken",
    };

    /// <summary>The state of a request to <paramref name="page"/> of a session that no longer exists, or null.</summary>
    public static RestoreState? FromInterrupted(string page, RequestParameters parameters, WebUserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(limits);
        if (!IsPageName(page))
            return null;
        return new RestoreState(page, parameters["FormCharset"] ?? "utf-8", Carried(parameters, limits));
    }

    /// <summary>The state the login form sent back (its <c>restoreSessionPage</c> and the parameters beside it), or null.</summary>
    public static RestoreState? FromLogin(RequestParameters parameters, WebUserLimits limits)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(limits);
        if (parameters["restoreSessionPage"] is not { } page || !IsPageName(page))
            return null;
        return new RestoreState(page, parameters["restoreCharset"] ?? "utf-8", Carried(parameters, limits));
    }

    /// <summary>Adds <c>restoreSessionPage</c>, <c>restoreCharset</c> and <c>restoreParameters</c>.</summary>
    public void AddTo(DataDictionary dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        dataset["restoreSessionPage"] = SessionPage;
        dataset["restoreCharset"] = Charset;
        AddParametersTo(dataset);
    }

    /// <summary>Adds <c>restoreParameters</c>: one <c>{name; value}</c> dictionary per parameter.</summary>
    public void AddParametersTo(DataDictionary dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var array = new DataArray(Parameters.Count);
        foreach (var (name, value) in Parameters)
            array.Add(new DataDictionary { ["name"] = name, ["value"] = value });
        dataset["restoreParameters"] = array;
    }

    /// <summary>The page to open in the new session: the page name, with its parameters when they fit in a URL.</summary>
    public string JumpPage()
    {
        if (Parameters.Count == 0)
            return SessionPage;
        var url = new StringBuilder(SessionPage).Append('?');
        foreach (var (name, value) in Parameters)
            url.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        url.Length--;
        return url.Length <= MaxJumpUrlLength ? url.ToString() : SessionPage;
    }

    /// <summary>A page name a session URL may end in: one segment, ending in <c>.wssp</c>.</summary>
    internal static bool IsPageName(string page) =>
        page.Length is > 5 and <= 128 && page.EndsWith(".wssp", StringComparison.OrdinalIgnoreCase)
        && page.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static List<KeyValuePair<string, string>> Carried(RequestParameters parameters, WebUserLimits limits)
    {
        var carried = new List<KeyValuePair<string, string>>();
        var size = 0;
        foreach (var pair in parameters.All)
        {
            if (s_notRestored.Contains(pair.Key))
                continue;
            size += pair.Key.Length + pair.Value.Length;
            if (size > limits.MaxRestoreChars)
                break;
            carried.Add(pair);
        }
        return carried;
    }
}
