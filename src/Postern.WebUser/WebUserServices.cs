using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Preferences;
using Postern.Accounts.Security;
using Postern.Mail.Access;
using Postern.Mail.Changes;
using Postern.Mail.Folders;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Mail.Reading;
using Postern.Mail.Submission;
using Postern.Sessions;
using Postern.Skins;
using Postern.Storage;

namespace Postern.WebUser;

/// <summary>The domain and mail services the WebUser pages use, gathered once so components reach them through one object.</summary>
/// <remarks>
/// Everything a page does to mail goes through the mail services shared with XIMSS (rights, folder views,
/// message operations, reading, submission); the store itself is used only for accounts and domains.
/// </remarks>
public sealed class WebUserServices(
    IStore store,
    DomainService domains,
    AccountService accounts,
    Authenticator authenticator,
    LoginThrottle loginThrottle,
    PreferencesService preferences,
    AlertService alerts,
    MailboxAccess access,
    MailboxService mailboxes,
    FolderService folders,
    MessageOperations operations,
    MessageReader reader,
    MessageSubmission submission,
    SkinCatalog skins,
    SessionRegistry sessions,
    ChangeNotifier notifier,
    TimeProvider time,
    WebUserOptions options,
    ILoggerFactory loggerFactory)
{
    public IStore Store { get; } = store;

    public DomainService Domains { get; } = domains;

    public AccountService Accounts { get; } = accounts;

    public Authenticator Authenticator { get; } = authenticator;

    /// <summary>The login protection shared with XIMSS: failures over either protocol slow down and lock out the address.</summary>
    public LoginThrottle LoginThrottle { get; } = loginThrottle;

    public PreferencesService Preferences { get; } = preferences;

    public AlertService Alerts { get; } = alerts;

    /// <summary>Resolves mailbox names for a user (own, <c>~other/box</c>, aliases) with the user's rights.</summary>
    public MailboxAccess Access { get; } = access;

    public MailboxService Mailboxes { get; } = mailboxes;

    /// <summary>Sorted, filtered, searchable views of mailboxes (the Mailbox pages).</summary>
    public FolderService Folders { get; } = folders;

    /// <summary>Flags, copy, move, delete by DeleteMethod, expunge, append.</summary>
    public MessageOperations Operations { get; } = operations;

    /// <summary>Reads stored messages and makes reply and forward drafts.</summary>
    public MessageReader Reader { get; } = reader;

    /// <summary>Sends, redirects and forwards mail (local delivery, the outbound queue, the Sent copy).</summary>
    public MessageSubmission Submission { get; } = submission;

    public SkinCatalog Skins { get; } = skins;

    public SessionRegistry Sessions { get; } = sessions;

    public ChangeNotifier Notifier { get; } = notifier;

    public TimeProvider Time { get; } = time;

    public WebUserOptions Options { get; } = options;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;
}
