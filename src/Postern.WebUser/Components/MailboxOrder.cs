using Postern.Mail.Mailboxes;

namespace Postern.WebUser.Components;

/// <summary>INBOX first, then by name.</summary>
public sealed class MailboxOrder : IComparer<string>
{
    public static MailboxOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var xInbox = x == MailboxName.Inbox || x?.StartsWith(MailboxName.Inbox + MailboxName.Separator, StringComparison.Ordinal) == true;
        var yInbox = y == MailboxName.Inbox || y?.StartsWith(MailboxName.Inbox + MailboxName.Separator, StringComparison.Ordinal) == true;
        return xInbox != yInbox ? (xInbox ? -1 : 1) : string.CompareOrdinal(x, y);
    }
}
