using Microsoft.Extensions.Logging;
using Postern.Accounts.Preferences;
using Postern.Mail;
using Postern.Mail.Access;
using Postern.Mail.Changes;
using Postern.Mail.Mailboxes;
using Postern.Storage;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Mail;

/// <summary>
/// Gives each session its <see cref="MailSession"/> and turns mailbox changes into the session's
/// asynchronous messages (docs/ximss.md §5.6): <c>folderReport mode="notify"</c> for open folders, and with
/// <c>reportMailboxChanges</c> a <c>mailbox</c> message without <c>id</c> carrying the new counters.
/// </summary>
/// <remarks>
/// The change notifier's callbacks only take note; the work (is the change visible to the folder? what are
/// the new counters?) runs in the session's request queue, after any request in progress, so a client
/// never hears of a change its own request is still making.
/// </remarks>
internal sealed class MailSessions(
    IStore store, MailboxAccess access, MailboxService mailboxes, MailNotifications notifications, PreferencesService preferences,
    ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger(XimssLog.SessionCategory);

    /// <summary>The session's mail state, started (user and change watch) on first use.</summary>
    public async Task<MailSession> GetAsync(XimssSession session, CancellationToken cancellationToken)
    {
        var mail = session.GetState<MailSession>();
        if (mail.IsStarted)
            return mail;
        var user = await access.GetUserAsync(session.AccountId, cancellationToken);
        mail.Start(user, notifications.Watch(user, change => OnFolderChanged(session, mail, change), change => OnMailboxChanged(session, mail, change)));
        mail.ReportMailboxChanges(session.ReportMailboxChanges);
        return mail;
    }

    /// <summary>The user's time zone now (the <c>TimeZone</c> preference): local times in requests and answers are in it.</summary>
    public async Task<TimeZoneInfo> GetTimeZoneAsync(MailUser user, CancellationToken cancellationToken)
    {
        var account = await store.Accounts.GetAsync(user.Id, cancellationToken) ?? user.Account;
        return TimeZonePreference.Of(await preferences.GetEffectiveAsync(account, cancellationToken));
    }

    /// <summary>Sends <c>folderReport mode="notify"</c> for a folder, unless one is outstanding.</summary>
    public static void Notify(XimssSession session, OpenFolder folder)
    {
        if (folder.TryMarkNotified())
            session.Post(folder.Name, static (writer, name) => writer.WriteFolderReportNotify(name));
    }

    /// <summary>
    /// Checks, after the request in progress, whether the folder's mailbox changed in a way its view would
    /// show, and if so notifies the client; nothing is scheduled while a check or a notification is pending.
    /// </summary>
    public void CheckLater(XimssSession session, OpenFolder folder)
    {
        if (folder.ShouldCheck())
            _ = InSessionAsync(session, "folder notification", () => CheckAsync(session, folder));
    }

    private void OnFolderChanged(XimssSession session, MailSession mail, StoreChange change)
    {
        if (change.MailboxId is not { } mailboxId)
            return;
        foreach (var folder in mail.FoldersOn(mailboxId))
            CheckLater(session, folder);
    }

    private async Task CheckAsync(XimssSession session, OpenFolder folder)
    {
        folder.CheckStarted();
        if (folder.IsClosed || folder.IsNotified)
            return;
        bool changed;
        try
        {
            changed = await folder.View.HasChangesAsync(session.Ended);
        }
        catch (MailException)
        {
            // The mailbox is gone or no longer readable: the client's sync answers why.
            changed = true;
        }
        if (changed)
            Notify(session, folder);
    }

    private void OnMailboxChanged(XimssSession session, MailSession mail, StoreChange change)
    {
        if (change.MailboxId is { } mailboxId && mail.QueueMailboxReport(mailboxId))
            _ = InSessionAsync(session, "mailbox report", () => ReportMailboxesAsync(session, mail));
    }

    private async Task ReportMailboxesAsync(XimssSession session, MailSession mail)
    {
        var user = mail.User!;
        foreach (var mailboxId in mail.TakeMailboxReports())
        {
            // A mailbox removed, or no longer visible to the user, has nothing to report (docs/ximss.md §7.4).
            if (await access.FindAsync(user, mailboxId, session.Ended) is not { } mailbox)
                continue;
            Postern.Mail.Mailboxes.MailboxInfo info;
            try
            {
                info = await mailboxes.GetInfoAsync(user, mailbox, session.Ended);
            }
            catch (UnknownMailboxException)
            {
                continue;
            }
            session.Post(MailboxReports.ToWire(info), static (writer, wire) => writer.WriteMailbox(null, wire));
        }
    }

    /// <summary>Runs background work of a session in its request queue; the boundary of that work.</summary>
    private async Task InSessionAsync(XimssSession session, string what, Func<Task> work)
    {
        try
        {
            await session.Requests.RunAsync(async () =>
            {
                if (!session.HasEnded)
                    await work();
            });
        }
        catch (OperationCanceledException) when (session.HasEnded)
        {
        }
        catch (Exception e)
        {
            // The boundary of work no request waits for: log it; the session carries on.
            using (_log.BeginScope(session.LogScope))
                XimssLog.OperationFault(_log, e, what);
        }
    }
}
