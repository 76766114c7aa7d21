namespace Postern.Mime.Reports;

/// <summary>
/// A message disposition notification body (message/disposition-notification, RFC 8098 §3): its fields —
/// what WebUser's DispositionReportPart shows.
/// </summary>
public sealed class DispositionNotification
{
    private DispositionNotification(IReadOnlyList<ReportField> fields) => Fields = fields;

    /// <summary>The fields (Reporting-UA, Final-Recipient, Original-Message-ID, Disposition, …), decoded, in order.</summary>
    public IReadOnlyList<ReportField> Fields { get; }

    /// <summary>The Disposition field (RFC 8098 §3.2.6), e.g. <c>manual-action/MDN-sent-manually; displayed</c>, or null.</summary>
    public string? Disposition => Find("Disposition");

    /// <summary>The Final-Recipient field (RFC 8098 §3.2.4), or null.</summary>
    public string? FinalRecipient => Find("Final-Recipient");

    /// <summary>The Original-Message-ID field (RFC 8098 §3.2.5), or null.</summary>
    public string? OriginalMessageId => Find("Original-Message-ID");

    /// <summary>Whether <paramref name="part"/> is an MDN body (message/disposition-notification, or RFC 6533 message/global-disposition-notification).</summary>
    public static bool IsReportPart(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.ContentType.Is("message", "disposition-notification") || part.ContentType.Is("message", "global-disposition-notification");
    }

    /// <summary>Reads the notification in a message/disposition-notification part.</summary>
    public static DispositionNotification Read(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Parse(part.DecodeContent());
    }

    /// <summary>Reads a notification body; every field group is taken (RFC 8098 defines one). Never fails.</summary>
    public static DispositionNotification Parse(ReadOnlyMemory<byte> content) =>
        new(ReportFieldGroups.Read(content).SelectMany(g => g).ToArray());

    private string? Find(string name) => Fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
}
