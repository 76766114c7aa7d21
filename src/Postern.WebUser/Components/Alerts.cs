using System.Globalization;
using Postern.Data;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, Alerts: shows the pending alerts and confirms those the user has seen. Also run in place of any
/// page that does not block alerts while one is pending.
/// </summary>
public sealed class Alerts : WebUserComponent
{
    /// <summary>ACAP time stamps (RFC 2244 §2.6.5): <c>yyyymmddhhmmss</c> in GMT.</summary>
    public const string AcapTimeFormat = "yyyyMMddHHmmss";

    private static readonly IReadOnlySet<string> s_actions = Actions("AlertTime");

    public override string Name => "Alerts";

    public override IReadOnlySet<string> ActionParameters => s_actions;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        if (context.Parameters["AlertTime"] is { } alertTime)
        {
            // WebApp: "The code component confirms all Alerts older than the specified time."
            // The time stamp has whole seconds: alerts posted within that second were shown too.
            if (TryParseAcapTime(alertTime, out var upTo))
                await services.Alerts.AcknowledgeAsync(context.Account, upTo.AddSeconds(1).AddTicks(-1), context.CancellationToken);
            else
                context.SetError("Invalid AlertTime");
        }
        // Only a page of this session may be returned to: a returnURL leading elsewhere would make the
        // Alerts page an open redirect.
        if (context.Parameters["returnURL"] is { } returnUrl && returnUrl.StartsWith(context.SessionPrefix, StringComparison.Ordinal)
            && !returnUrl.Contains("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal))
            context.Dataset["returnURL"] = returnUrl;

        var pending = await services.Alerts.ListPendingAsync(context.Account, context.CancellationToken);
        context.Session.AlertsMayBePending = pending.Count > 0;
        if (pending.Count == 0)
            return;
        var alerts = new DataArray(pending.Count);
        foreach (var alert in pending)
            alerts.Add(new DataDictionary { ["time"] = new DataTimestamp(alert.Posted), ["text"] = alert.Text });
        context.Dataset["alerts"] = alerts;
        context.Dataset["currentTime"] = FormatAcapTime(services.Time.GetUtcNow());
    }

    public static string FormatAcapTime(DateTimeOffset time) => time.UtcDateTime.ToString(AcapTimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParseAcapTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text.Trim(), AcapTimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
