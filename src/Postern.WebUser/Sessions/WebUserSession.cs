using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Postern.Accounts;
using Postern.Mail.Access;
using Postern.WebUser.Components.Generic;
using Postern.Sessions;
using Postern.Storage;
using Postern.WebUser.Http;

namespace Postern.WebUser.Sessions;

/// <summary>
/// A WebUser session: the account, its cached preferences and mailbox list, the skin it was opened with,
/// the secrets that protect it (form token, cookie), and the per-mailbox views its pages keep.
/// </summary>
/// <remarks>
/// Pages of one session run one at a time (<see cref="Gate"/>), as a browser's frames would otherwise race
/// on the mailbox views. Store changes from anywhere reach the session through the change notifier and
/// only mark cached data stale; the next page reloads it.
/// </remarks>
public sealed class WebUserSession : Session
{
    private int _preferencesStale;
    private int _mailboxesStale = 1;
    private int _alertsPending;
    private IDisposable? _changes;

    internal WebUserSession(
        AccountRecord account, AccountName name, DomainRecord domain, IPAddress clientAddress, TimeProvider time,
        WebUserPreferences preferences, string skinName, ClientKind client, bool useCookies)
        : base(SessionKind.WebUser, account.Id, name, clientAddress, time)
    {
        AccountRecord = account;
        AccountSettings = AccountService.GetSettings(account);
        User = new MailUser(account, name);
        Domain = domain;
        Preferences = preferences;
        SkinName = skinName;
        Client = client;
        FormToken = NewSecret();
        CookieSecret = useCookies ? NewSecret() : null;
        IdleTimeout = preferences.SessionTimeout;
    }

    /// <summary>The account as last read (its settings and password may change during the session).</summary>
    public AccountRecord AccountRecord { get; private set; }

    /// <summary>The user the mail services act for (the account as last read, and its canonical name).</summary>
    public MailUser User { get; private set; }

    /// <summary>The account's settings (ACCOUNTSETTINGS() on pages), parsed when the account is read.</summary>
    public Postern.Data.DataDictionary AccountSettings { get; private set; } = new();

    /// <summary>The account's domain: its skins are the session's skins.</summary>
    public DomainRecord Domain { get; }

    public WebUserPreferences Preferences { get; private set; }

    /// <summary>The skin the session was opened with (<c>""</c> for the Unnamed skin).</summary>
    public string SkinName { get; }

    /// <summary>The browser kind the session was opened from: a WML login opens a WML session.</summary>
    public ClientKind Client { get; }

    /// <summary>
    /// The secret every state-changing request of this session must carry as the <c>FormToken</c>
    /// parameter (<c>%%SESSION(FormToken)%%</c> on pages), so other sites cannot forge requests.
    /// </summary>
    public string FormToken { get; }

    /// <summary>The value of the session cookie when the session uses cookies ("Use Cookies"), else null.</summary>
    public string? CookieSecret { get; }

    /// <summary>Serialises the page requests of the session.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The selectable mailbox names (the generic <c>mailboxes</c> element and MAILBOXMENU), as last loaded.</summary>
    public IReadOnlyList<string> Mailboxes { get; private set; } = [];

    /// <summary>The mailbox views, one per mailbox the pages opened (Mailbox component state).</summary>
    public Dictionary<string, MailboxViewState> MailboxViews { get; } = new(StringComparer.Ordinal);

    /// <summary>The unlocked S/MIME private key (with its certificate), or null.</summary>
    public X509Certificate2? ActivePrivateKey { get; set; }

    /// <summary>Whether alerts may be pending (set at login and when one is posted; cleared once none are).</summary>
    public bool AlertsMayBePending
    {
        get => Volatile.Read(ref _alertsPending) != 0;
        set => Volatile.Write(ref _alertsPending, value ? 1 : 0);
    }

    /// <summary>Follows store changes of the account until the session ends.</summary>
    internal void Follow(Postern.Mail.Changes.ChangeNotifier notifier) => _changes = notifier.Subscribe(AccountId, OnStoreChange);

    /// <summary>Reloads what store changes made stale: the account and preferences, the mailbox list.</summary>
    internal async Task RefreshAsync(WebUserServices services, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _preferencesStale, 0) != 0)
        {
            AccountRecord = await services.Store.Accounts.GetAsync(AccountId, cancellationToken) ?? AccountRecord;
            AccountSettings = AccountService.GetSettings(AccountRecord);
            User = new MailUser(AccountRecord, Account);
            Preferences = new WebUserPreferences(await services.Preferences.GetEffectiveAsync(AccountRecord, cancellationToken), services.Options.DefaultSessionTimeout);
            IdleTimeout = Preferences.SessionTimeout;
        }
        if (Interlocked.Exchange(ref _mailboxesStale, 0) != 0)
        {
            var boxes = await services.Mailboxes.ListAsync(AccountRecord, null, cancellationToken);
            Mailboxes = boxes.Select(m => m.Name).Order(Components.MailboxOrder.Instance).ToArray();
        }
    }

    /// <summary>Marks the account and preferences for reloading (after this session changed them).</summary>
    internal void InvalidatePreferences() => Volatile.Write(ref _preferencesStale, 1);

    /// <summary>Marks the mailbox list for reloading (after this session created, renamed or removed one).</summary>
    internal void InvalidateMailboxes() => Volatile.Write(ref _mailboxesStale, 1);

    protected override void OnEnding(SessionEndReason reason)
    {
        _changes?.Dispose();
        ActivePrivateKey?.Dispose();
        ActivePrivateKey = null;
    }

    /// <summary>Runs on the notifier's loop: only flags what to reload.</summary>
    private void OnStoreChange(StoreChange change)
    {
        switch (change.Kind)
        {
            case StoreChangeKind.PrefsChanged:
                InvalidatePreferences();
                break;
            case StoreChangeKind.MailboxCreated or StoreChangeKind.MailboxRenamed or StoreChangeKind.MailboxRemoved:
                InvalidateMailboxes();
                break;
            case StoreChangeKind.AlertPosted:
                AlertsMayBePending = true;
                break;
        }
    }

    /// <summary>128 bits from the OS generator, URL-safe.</summary>
    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
