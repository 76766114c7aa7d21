using Postern.Sessions;
using Postern.Ximss.Engine;
using Postern.Ximss.Sessions;
using Postern.Ximss.Tcp;

namespace Postern.Ximss.Monitoring;

/// <summary>Builds the access monitor from the open channels and the live sessions.</summary>
public sealed class XimssMonitor(XimssChannelRegistry channels, SessionRegistry sessions, XimssMetrics metrics, TimeProvider time)
{
    /// <summary>The monitor now; with <paramref name="collect"/> a full garbage collection runs first, so the heap figure is exact (for capacity measurements).</summary>
    public XimssMonitorReport Snapshot(bool collect = false)
    {
        var now = time.GetUtcNow();
        var rows = new List<(DateTimeOffset Since, MonitorRow Row)>();
        foreach (var channel in channels.Snapshot())
        {
            var session = channel.Session;
            var activity = session?.Activity ?? channel.Activity;
            var status = activity.Operation ?? activity.State ?? (session is null ? "authenticating" : "waiting");
            rows.Add((channel.Connected, Row(session, channel.RemoteAddress.ToString(), "TCP", channel.Connected, activity, status, now)));
        }
        foreach (var session in sessions.Snapshot(SessionKind.Ximss).OfType<XimssSession>())
        {
            if (session.Transport != XimssTransport.Http || session.HasEnded)
                continue;
            var status = session.Activity.Operation ?? session.Activity.State ?? "idle";
            rows.Add((session.Created, Row(session, session.ClientAddress.ToString(), "HTTP", session.Created, session.Activity, status, now)));
        }

        var counters = new MonitorCounters(metrics.Channels, metrics.Sessions, metrics.Logins, metrics.LoginFailures, metrics.Operations,
            Math.Round(metrics.OperationsPerSecond, 1), metrics.RefusedChannels);
        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        var memory = new MonitorMemory(GC.GetTotalMemory(collect), Environment.WorkingSet, collect);
        return new XimssMonitorReport(now, counters, memory, [.. rows.OrderBy(r => r.Since).Select(r => r.Row)]);
    }

    private static MonitorRow Row(XimssSession? session, string address, string transport, DateTimeOffset since, ActivityStatus activity, string status,
        DateTimeOffset now) =>
        new(session?.Number, address, session?.Account.ToString(), transport, Seconds(now - since), status,
            activity.Started is { } started ? Seconds(now - started) : null, session?.ClientName);

    private static double Seconds(TimeSpan span) => Math.Round(Math.Max(span.TotalSeconds, 0), 3);
}
