using System.Net;
using Postern.Skins;
using Postern.Storage;
using Postern.WebUser.Http;

namespace Postern.WebUser.Sessions;

/// <summary>Opens WebUser sessions for accounts that proved who they are.</summary>
public sealed class SessionStarter(WebUserServices services)
{
    /// <summary>The error code of a login refused because the server holds as many sessions as it may.</summary>
    public const string TooManySessions = "Too Many Sessions";

    /// <summary>
    /// Creates and registers a session for <paramref name="account"/> with the account's preferences,
    /// as modified by the login parameters <c>SessionSkin</c>, <c>DisableIPWatch</c> and <c>DisableUseCookie</c>.
    /// </summary>
    /// <returns>The session, or null when the registry is full.</returns>
    public async Task<WebUserSession?> StartAsync(
        AccountRecord account, IPAddress clientAddress, ClientKind client, RequestParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(parameters);
        var name = await services.Accounts.GetNameAsync(account, cancellationToken);
        var domain = await services.Store.Domains.GetAsync(account.DomainId, cancellationToken)
            ?? throw new StoreNotFoundException($"the domain of account {account.Name} no longer exists");
        var preferences = new WebUserPreferences(await services.Preferences.GetEffectiveAsync(account, cancellationToken), services.Options.DefaultSessionTimeout);

        // WebApp, login: "If the request has SessionSkin parameter with a string value not equal to *, the
        // session is opened using the Skin specified with this parameter", searched in the user's domain.
        var skinName = parameters["SessionSkin"] is { } requested && requested != "*" && (requested.Length == 0 || SkinNames.IsValidSkinName(requested, out _))
            ? requested
            : Stateless.StatelessContext.PreferredSkin(preferences, client);
        var session = new WebUserSession(account, name, domain, clientAddress, services.Time, preferences, skinName, client,
            useCookies: preferences.UseCookies && !parameters.Has("DisableUseCookie"))
        {
            FixedAddress = preferences.FixedIPAddress && !parameters.Has("DisableIPWatch"),
        };
        if (!services.Sessions.TryRegister(session))
            return null;
        session.Follow(services.Notifier);
        session.AlertsMayBePending = (await services.Alerts.ListPendingAsync(account, cancellationToken)).Count > 0;
        return session;
    }
}
