namespace Postern.Mail.Mailboxes;

/// <summary>What a mailbox holds; the store keeps CommuniGate's class string.</summary>
public enum MailboxKind
{
    Mail,
    Calendar,
    Tasks,
    Contacts,
    Notes,
}

/// <summary>CommuniGate mailbox class strings (XIMSS <c>Class</c> / <c>mailboxClass</c>) and the kinds they mean.</summary>
public static class MailboxClass
{
    public const string Mail = "";
    public const string Calendar = "IPF.Appointment";
    public const string Tasks = "IPF.Task";
    public const string Contacts = "IPF.Contact";
    public const string Notes = "IPF.StickyNote";

    /// <summary>Longer than any IPF class a client sends; bounds what the store keeps.</summary>
    public const int MaxLength = 128;

    public static string Of(MailboxKind kind) => kind switch
    {
        MailboxKind.Calendar => Calendar,
        MailboxKind.Tasks => Tasks,
        MailboxKind.Contacts => Contacts,
        MailboxKind.Notes => Notes,
        _ => Mail,
    };

    /// <summary>The kind of a stored class string; a class we do not know (another client's) is mail-like.</summary>
    public static MailboxKind KindOf(string mailboxClass) => mailboxClass switch
    {
        Calendar => MailboxKind.Calendar,
        Tasks => MailboxKind.Tasks,
        Contacts => MailboxKind.Contacts,
        Notes => MailboxKind.Notes,
        _ => MailboxKind.Mail,
    };

    /// <summary>
    /// Reads what a user or client gave: a kind name (<c>calendar</c>), or a class string kept as is
    /// (<c>IPF.Appointment</c>, or another client's <c>IPF.Journal</c>). <c>IPF.Note</c> and an empty
    /// string are mail.
    /// </summary>
    /// <exception cref="MailException">The text is neither.</exception>
    public static string Parse(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0 || value.Equals("IPF.Note", StringComparison.OrdinalIgnoreCase))
            return Mail;
        var named = value.ToLowerInvariant() switch
        {
            "mail" => Mail,
            "calendar" => Calendar,
            "tasks" => Tasks,
            "contacts" => Contacts,
            "notes" => Notes,
            _ => null,
        };
        if (named is not null)
            return named;
        if (value.Length <= MaxLength && value.StartsWith("IPF.", StringComparison.OrdinalIgnoreCase)
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            return value;
        throw new MailException($"\"{value}\" is not a mailbox class (mail, calendar, tasks, contacts, notes, or an IPF class)");
    }

    /// <summary>The kind name users see (<c>mail</c>, <c>calendar</c>…), or the class string itself for others.</summary>
    public static string Describe(string mailboxClass) =>
        KindOf(mailboxClass) is var kind && (kind != MailboxKind.Mail || mailboxClass.Length == 0)
            ? kind.ToString().ToLowerInvariant()
            : mailboxClass;
}
