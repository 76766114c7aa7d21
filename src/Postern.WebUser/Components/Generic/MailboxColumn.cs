namespace Postern.WebUser.Components.Generic;

/// <summary>What a mailbox view column shows.</summary>
public enum MailboxColumnKind
{
    Status,
    From,
    To,
    Subject,
    Received,
    Sent,
    Size,
    Priority,
}

/// <summary>A column of the generic Mailbox view: its name (the <c>headers[].name</c> element) and the folder view field it sorts by.</summary>
public sealed record MailboxColumn(MailboxColumnKind Kind, string Name, string SortField)
{
    /// <summary>Date and size columns are right-aligned (<c>ralign</c>).</summary>
    public bool RightAligned => Kind is MailboxColumnKind.Received or MailboxColumnKind.Sent or MailboxColumnKind.Size;

    /// <summary>The columns of a mail mailbox: Status, From, Subject, Received, Size.</summary>
    public static IReadOnlyList<MailboxColumn> Regular { get; } =
    [
        new(MailboxColumnKind.Status, "Status", "INTERNALDATE"),
        new(MailboxColumnKind.From, "From", "From"),
        new(MailboxColumnKind.Subject, "Subject", "Subject"),
        new(MailboxColumnKind.Received, "Received", "INTERNALDATE"),
        new(MailboxColumnKind.Size, "Size", "SIZE"),
    ];

    /// <summary>The columns of a Sent-type mailbox, where the recipients and the sending time matter: Status, To, Subject, Sent, Size.</summary>
    public static IReadOnlyList<MailboxColumn> SentBox { get; } =
    [
        new(MailboxColumnKind.Status, "Status", "INTERNALDATE"),
        new(MailboxColumnKind.To, "To", "To"),
        new(MailboxColumnKind.Subject, "Subject", "Subject"),
        new(MailboxColumnKind.Sent, "Sent", "Date"),
        new(MailboxColumnKind.Size, "Size", "SIZE"),
    ];

    /// <summary>
    /// The column a preference <c>SortField</c> names: a column name (<c>Subject</c>) or a XIMSS sort field
    /// (<c>INTERNALDATE</c>, <c>DATE</c>, <c>FROM</c>, <c>TO</c>, <c>SUBJECT</c>, <c>SIZE</c>); the date column otherwise.
    /// </summary>
    public static int IndexOf(IReadOnlyList<MailboxColumn> columns, string sortField)
    {
        var kind = sortField.ToUpperInvariant() switch
        {
            "FROM" => MailboxColumnKind.From,
            "TO" => MailboxColumnKind.To,
            "SUBJECT" => MailboxColumnKind.Subject,
            "SIZE" => MailboxColumnKind.Size,
            "DATE" or "SENT" => MailboxColumnKind.Sent,
            _ => MailboxColumnKind.Received,
        };
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Kind == kind)
                return i;
        }
        // A Sent box has no Received column and a regular box no Sent column: the date column either way.
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Kind is MailboxColumnKind.Received or MailboxColumnKind.Sent)
                return i;
        }
        return 0;
    }
}
