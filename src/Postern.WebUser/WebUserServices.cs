using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Preferences;
using Postern.Mail.Changes;
using Postern.Mail.Mailboxes;
using Postern.Sessions;
using Postern.Skins;
using Postern.Storage;

namespace Postern.WebUser;

/// <summary>The domain services the WebUser pages use, gathered once so components reach them through one object.</summary>
public sealed class WebUserServices(
    IStore store,
    DomainService domains,
    AccountService accounts,
    Authenticator authenticator,
    PreferencesService preferences,
    AlertService alerts,
    MailboxService mailboxes,
    SkinCatalog skins,
    SessionRegistry sessions,
    ChangeNotifier notifier,
    TimeProvider time,
    WebUserOptions options,
    Mail.MessageSubmission submission,
    Mail.StoredMessageReader messages,
    ILoggerFactory loggerFactory)
{
    public IStore Store { get; } = store;

    public DomainService Domains { get; } = domains;

    public AccountService Accounts { get; } = accounts;

    public Authenticator Authenticator { get; } = authenticator;

    public PreferencesService Preferences { get; } = preferences;

    public AlertService Alerts { get; } = alerts;

    public MailboxService Mailboxes { get; } = mailboxes;

    public SkinCatalog Skins { get; } = skins;

    public SessionRegistry Sessions { get; } = sessions;

    public ChangeNotifier Notifier { get; } = notifier;

    public TimeProvider Time { get; } = time;

    public WebUserOptions Options { get; } = options;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    /// <summary>Sends composed, redirected and forwarded mail.</summary>
    public Mail.MessageSubmission Submission { get; } = submission;

    /// <summary>Reads stored messages.</summary>
    public Mail.StoredMessageReader Messages { get; } = messages;

    /// <summary>Message operations on mailboxes (remove, flag, copy, move).</summary>
    public Mail.MessageActions MessageActions { get; } = new(store, mailboxes);
}
