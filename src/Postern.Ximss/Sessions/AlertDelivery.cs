using Microsoft.Extensions.Logging;
using Postern.Accounts;
using Postern.Accounts.Preferences;
using Postern.Mail.Changes;
using Postern.Storage;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Sessions;

/// <summary>
/// Brings account alerts to XIMSS sessions as asynchronous <c>&lt;alert&gt;</c> messages (CGP XMLAPI): the
/// pending ones right after login, later ones as they are posted.
/// </summary>
/// <remarks>
/// XIMSS has no operation to acknowledge an alert, so an alert counts as shown once it has been sent
/// to a session (docs/ximss.md §11.6). Each session remembers the newest alert it sent, so a session
/// still receives an alert that another session of the same account acknowledged first.
/// </remarks>
public sealed class AlertDelivery(IStore store, AlertService alerts, PreferencesService preferences, ChangeNotifier notifier, ILoggerFactory loggers)
{
    private readonly ILogger _log = loggers.CreateLogger(XimssLog.SessionCategory);

    /// <summary>Writes the account's pending alerts after the login's <c>session</c> message and follows new ones.</summary>
    internal async Task StartAsync(XimssSession session, AccountRecord account, XimssXmlWriter writer, CancellationToken cancellationToken)
    {
        session.DisposeOnEnd(notifier.Subscribe(account.Id, change =>
        {
            // The notifier's loop must not wait: the delivery runs in the session's own request order.
            if (change.Kind == StoreChangeKind.AlertPosted && !session.HasEnded)
                _ = DeliverNewAsync(session);
        }));

        var all = await store.Alerts.ListAsync(account.Id, includeAcknowledged: true, cancellationToken);
        session.LastAlertId = all.Count == 0 ? 0 : all.Max(a => a.Id);
        var pending = all.Where(a => a.Acknowledged is null).ToList();
        if (pending.Count == 0)
            return;
        var zone = TimeZonePreference.Of(await preferences.GetEffectiveAsync(account, cancellationToken));
        foreach (var alert in pending)
            writer.WriteAlert(alert.Text, TimeZoneInfo.ConvertTime(alert.Posted, zone));
        await alerts.AcknowledgeAsync(account, pending.Max(a => a.Posted), cancellationToken);
    }

    private async Task DeliverNewAsync(XimssSession session)
    {
        try
        {
            await session.Requests.RunAsync(async () =>
            {
                if (session.HasEnded || await store.Accounts.GetAsync(session.AccountId, session.Ended) is not { } account)
                    return;
                var fresh = (await store.Alerts.ListAsync(account.Id, includeAcknowledged: true, session.Ended))
                    .Where(a => a.Id > session.LastAlertId).OrderBy(a => a.Id).ToList();
                if (fresh.Count == 0)
                    return;
                session.LastAlertId = fresh[^1].Id;
                var zone = TimeZonePreference.Of(await preferences.GetEffectiveAsync(account, session.Ended));
                session.Post(fresh, (writer, list) =>
                {
                    foreach (var alert in list)
                        writer.WriteAlert(alert.Text, TimeZoneInfo.ConvertTime(alert.Posted, zone));
                });
                await alerts.AcknowledgeAsync(account, fresh.Max(a => a.Posted), session.Ended);
            });
        }
        catch (OperationCanceledException) when (session.HasEnded)
        {
        }
        catch (Exception e) when (e is StoreException or AccountsException)
        {
            // The boundary of this background delivery: the alert stays pending for the next login.
            using (_log.BeginScope(session.LogScope))
                XimssLog.OperationFault(_log, e, "alert delivery");
        }
    }
}
