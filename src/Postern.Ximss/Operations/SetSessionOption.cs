using System.Globalization;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>setSessionOption name value</c>: <c>idleTimeout</c> (seconds, kept within the server's bounds) and
/// <c>reportMailboxChanges</c> (<c>yes</c>/<c>no</c>); other names are accepted and ignored, since CGP
/// clients send options Postern has no use for (docs/ximss.md §5.2).
/// </summary>
internal sealed class SetSessionOption(XimssOptions options, MailSessions mailSessions) : XimssOperationHandler<SetSessionOptionRequest>
{
    public override async ValueTask<XimssResult> ExecuteAsync(SetSessionOptionRequest request, XimssRequestContext context, CancellationToken cancellationToken)
    {
        var session = context.RequiredSession;
        var limits = options.Limits;
        if (request.Name.Equals("idleTimeout", StringComparison.OrdinalIgnoreCase))
        {
            if (!long.TryParse(request.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return XimssError.InvalidAttribute("value", "expected a number of seconds");
            var wanted = TimeSpan.FromSeconds(Math.Min(seconds, (long)limits.MaxIdleTimeout.TotalSeconds));
            session.IdleTimeout = wanted < limits.MinIdleTimeout ? limits.MinIdleTimeout : wanted;
        }
        else if (request.Name.Equals("reportMailboxChanges", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryParseYesNo(request.Value, out var report))
                return XimssError.InvalidAttribute("value", "expected yes or no");
            session.ReportMailboxChanges = report;
            (await mailSessions.GetAsync(session, cancellationToken)).ReportMailboxChanges(report);
        }
        return XimssResult.Ok;
    }

    // The codec's boolean vocabulary (docs/ximss.md §4): yes/no, 1/0, true/false.
    private static bool TryParseYesNo(string value, out bool result)
    {
        result = value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase);
        return result || value.Equals("no", StringComparison.OrdinalIgnoreCase) || value == "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}
