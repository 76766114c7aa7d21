namespace Postern.Mail.Mailboxes;

/// <summary>CommuniGate mailbox access rights, one letter each (the IMAP ACL letters of RFC 2086).</summary>
[Flags]
public enum MailboxRights
{
    None = 0,

    /// <summary>l: see the mailbox in lists.</summary>
    Lookup = 1 << 0,

    /// <summary>r: open it and read messages.</summary>
    Read = 1 << 1,

    /// <summary>s: keep the Seen flag.</summary>
    Seen = 1 << 2,

    /// <summary>w: change flags other than Seen and Deleted.</summary>
    Write = 1 << 3,

    /// <summary>i: append and copy messages in.</summary>
    Insert = 1 << 4,

    /// <summary>p: send mail to the mailbox's submission address.</summary>
    Post = 1 << 5,

    /// <summary>c: create sub-mailboxes.</summary>
    Create = 1 << 6,

    /// <summary>d: delete messages (set Deleted, expunge) and the mailbox.</summary>
    Delete = 1 << 7,

    /// <summary>a: administer the ACL.</summary>
    Administer = 1 << 8,

    All = Lookup | Read | Seen | Write | Insert | Post | Create | Delete | Administer,
}

/// <summary>The text form of <see cref="MailboxRights"/>: letters in the canonical order <c>lrswipcda</c>.</summary>
public static class MailboxRightsText
{
    private const string Letters = "lrswipcda";

    public static string Format(MailboxRights rights)
    {
        var text = new System.Text.StringBuilder(Letters.Length);
        for (var i = 0; i < Letters.Length; i++)
        {
            if (((int)rights & (1 << i)) != 0)
                text.Append(Letters[i]);
        }
        return text.ToString();
    }

    /// <exception cref="MailException">A character is not a rights letter.</exception>
    public static MailboxRights Parse(string? text)
    {
        var rights = MailboxRights.None;
        foreach (var c in text ?? "")
        {
            var index = Letters.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            if (index < 0)
                throw new MailException($"'{c}' is not a mailbox right (one of {Letters})");
            rights |= (MailboxRights)(1 << index);
        }
        return rights;
    }
}
