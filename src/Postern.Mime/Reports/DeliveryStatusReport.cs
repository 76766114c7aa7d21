namespace Postern.Mime.Reports;

/// <summary>
/// A delivery status notification body (message/delivery-status, RFC 3464 §2): the per-message fields and
/// one list of fields per recipient — what WebUser's DeliveryReportPart shows as MessageFields and Reports.
/// </summary>
public sealed class DeliveryStatusReport
{
    /// <summary>RFC 3464 §2.3 per-recipient field names, used to split a report that lacks its empty lines.</summary>
    private static readonly HashSet<string> s_recipientFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Original-Recipient", "Final-Recipient", "Action", "Status", "Remote-MTA", "Diagnostic-Code",
        "Last-Attempt-Date", "Final-Log-ID", "Will-Retry-Until",
    };

    private DeliveryStatusReport(IReadOnlyList<ReportField> messageFields, IReadOnlyList<IReadOnlyList<ReportField>> recipients)
    {
        MessageFields = messageFields;
        Recipients = recipients;
    }

    /// <summary>The per-message fields (Reporting-MTA, Arrival-Date, …), decoded, in order.</summary>
    public IReadOnlyList<ReportField> MessageFields { get; }

    /// <summary>For each recipient, its fields (Final-Recipient, Action, Status, Diagnostic-Code, …).</summary>
    public IReadOnlyList<IReadOnlyList<ReportField>> Recipients { get; }

    /// <summary>Whether <paramref name="part"/> is a delivery status body (message/delivery-status, or RFC 6533 message/global-delivery-status).</summary>
    public static bool IsReportPart(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.ContentType.Is("message", "delivery-status") || part.ContentType.Is("message", "global-delivery-status");
    }

    /// <summary>Reads the report in a message/delivery-status part (its transfer encoding undone).</summary>
    public static DeliveryStatusReport Read(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Parse(part.DecodeContent());
    }

    /// <summary>Reads a report body. Never fails: what cannot be read as fields is left out.</summary>
    public static DeliveryStatusReport Parse(ReadOnlyMemory<byte> content)
    {
        var groups = ReportFieldGroups.Read(content);
        if (groups.Count == 0)
        {
            return new DeliveryStatusReport([], []);
        }

        var first = groups[0];
        var split = first.FindIndex(f => s_recipientFields.Contains(f.Name));
        var recipients = groups.Skip(1).Cast<IReadOnlyList<ReportField>>().ToList();
        if (split >= 0)
        {
            // Recipient fields inside the first group: the empty line after the per-message fields is missing.
            recipients.Insert(0, first[split..]);
            first = first[..split];
        }

        return new DeliveryStatusReport(first, recipients);
    }
}
