using Postern.Accounts;
using Postern.Data;
using Postern.Mail;
using Postern.Storage;
using Postern.WebUser.Http;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Components;

/// <summary>One run of a session component: the session, the request parameters and the dataset being built.</summary>
public sealed class ComponentContext
{
    public ComponentContext(WebUserSession session, WebUserServices services, RequestParameters parameters, CancellationToken cancellationToken)
    {
        Session = session;
        Services = services;
        Parameters = parameters;
        CancellationToken = cancellationToken;
    }

    public WebUserSession Session { get; }

    public WebUserServices Services { get; }

    /// <summary>The request parameters (without refused actions).</summary>
    public RequestParameters Parameters { get; }

    /// <summary>The result dataset (case-insensitive, as WSSP datasets are).</summary>
    public DataDictionary Dataset { get; } = new();

    public CancellationToken CancellationToken { get; }

    /// <summary>The user the mail services act for.</summary>
    public Postern.Mail.Access.MailUser User => Session.User;

    /// <summary>The account as the session last read it.</summary>
    public AccountRecord Account => Session.AccountRecord;

    public WebUserPreferences Preferences => Session.Preferences;

    /// <summary>The request comes from a WML browser.</summary>
    public bool IsWml { get; init; }

    /// <summary>The request came over HTTPS.</summary>
    public bool IsSecure { get; init; }

    /// <summary>Set by a component whose page shows remote content the user allowed.</summary>
    public bool AllowRemoteImages { get; set; }

    /// <summary>Set by Bye: the session ends once the page is rendered.</summary>
    public bool EndsSession { get; set; }

    /// <summary>The URL prefix of the session realm, <c>/Session/&lt;id&gt;/</c>.</summary>
    public string SessionPrefix => "/Session/" + Session.Id + "/";

    /// <summary>Reads the account and its preferences again (after this page changed them).</summary>
    public Task ReloadAccountAsync()
    {
        Session.InvalidatePreferences();
        return Session.RefreshAsync(Services, CancellationToken);
    }

    /// <summary>Sets the <c>errorCode</c> element (the first error wins: it is the one that stopped the work).</summary>
    public void SetError(string code) => Dataset.TryAdd("errorCode", code);

    /// <summary>Sets the <c>messageCode</c> element.</summary>
    public void SetMessage(string code) => Dataset["messageCode"] = code;

    /// <summary>Sets <paramref name="key"/> to the string <c>YES</c>.</summary>
    public void SetYes(string key) => Dataset[key] = DataString.Yes;

    /// <summary>
    /// Runs an action, turning a refusal by the services (bad name, missing mailbox, no right, store
    /// conflict, a refused File Storage operation) into the <c>errorCode</c> element. Returns whether it succeeded.
    /// </summary>
    public async Task<bool> TryAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (e is MailException or AccountsException or StoreConflictException or StoreNotFoundException or Postern.Storage.Files.FileStorageException)
        {
            SetError(e.Message);
            return false;
        }
    }
}
