using Postern.Mail.Access;
using Postern.Storage;

namespace Postern.Mail.Mailboxes;

/// <summary>One line of a mailbox listing (XIMSS <c>mailbox</c>, WebUser <c>mailboxList</c>).</summary>
/// <param name="Name">The name as the user calls it (own name, alias, or <c>~owner@domain/box</c>).</param>
/// <param name="Mailbox">The mailbox with its counters and the user's rights; null for a name that only holds sub-mailboxes.</param>
/// <param name="HasChildren">Whether mailboxes exist below this name.</param>
/// <param name="Statistics">Oldest arrival, Recent and Media counts, when the listing asked for them.</param>
public sealed record MailboxInfo(string Name, AccessibleMailbox? Mailbox, bool HasChildren, MailboxStatistics? Statistics)
{
    /// <summary>True for a name that holds only sub-mailboxes (XIMSS <c>pureFolder</c>, WebUser <c>nonSelectable</c>).</summary>
    public bool IsPureFolder => Mailbox is null;
}

/// <summary>What a mailbox listing includes.</summary>
/// <param name="Pattern">
/// An IMAP LIST pattern (<c>*</c>, <c>%</c>). Patterns starting with <c>~</c> list other accounts' mailboxes
/// shared with the user (<c>~*</c>, <c>~bob@example.com/%</c>); others list the user's own mailboxes and aliases.
/// </param>
/// <param name="PureFolders">Also list names that only hold sub-mailboxes.</param>
/// <param name="MailboxClass">Only mailboxes of this class (a kind name or an IPF class), when set.</param>
/// <param name="WithStatistics">Compute <see cref="MailboxInfo.Statistics"/> (one query per mailbox).</param>
public sealed record MailboxListOptions(
    string Pattern = "*",
    bool PureFolders = false,
    string? MailboxClass = null,
    bool WithStatistics = true)
{
    public static MailboxListOptions All { get; } = new();
}

/// <summary>A change to a mailbox's ACL, as CommuniGate's SETMAILBOXACL applies them.</summary>
/// <param name="Grantee">An account name (<c>name@domain</c>) or <c>anyone</c>.</param>
/// <param name="Mode">Replace the grantee's rights, add to them, or take some away.</param>
public sealed record MailboxAclChange(string Grantee, MailboxAclChangeMode Mode, MailboxRights Rights);

public enum MailboxAclChangeMode
{
    /// <summary>The grantee's rights become exactly these; none removes the entry.</summary>
    Set,
    Add,
    Remove,
}
