namespace Postern.Storage;

/// <summary>A mailbox of an account, with its counters as of the moment it was read.</summary>
/// <param name="Name">The full hierarchical name, levels separated by <c>/</c> (<c>Archive/2024</c>).</param>
/// <param name="Class">
/// The CommuniGate mailbox class: empty for mail, <c>IPF.Appointment</c> (calendar), <c>IPF.Task</c>,
/// <c>IPF.Contact</c>, <c>IPF.StickyNote</c> (notes) or any other class a client chose.
/// </param>
/// <param name="UidValidity">RFC 3501 §2.3.1.1: changes whenever a mailbox of this name is recreated.</param>
/// <param name="UidNext">The UID the next appended message gets; UIDs are never reused.</param>
/// <param name="HighestModSeq">The highest modification sequence any change of this mailbox was given.</param>
public sealed record MailboxRecord(
    long Id,
    long AccountId,
    string Name,
    string Class,
    uint UidValidity,
    uint UidNext,
    long HighestModSeq,
    int MessageCount,
    int UnseenCount,
    long TotalSize,
    DateTimeOffset Created);

/// <summary>A name in one account that refers to a mailbox of another account.</summary>
/// <param name="Target">The target in CommuniGate form: <c>~account@domain/mailbox</c>.</param>
public sealed record MailboxAliasRecord(long AccountId, string Name, string Target);

/// <summary>One access-control entry of a mailbox.</summary>
/// <param name="Grantee">An account name (<c>name@domain</c>), <c>anyone</c>, or another CommuniGate identifier.</param>
/// <param name="Rights">The rights letters in canonical order (<c>lrswipcda</c>); never empty.</param>
public sealed record AclEntry(string Grantee, string Rights);

/// <summary>A mailbox shared through its ACL, with its owner's names and one ACL entry that names the grantee asked about.</summary>
/// <param name="OwnerName">The owner account's name (the part before <c>@</c>).</param>
/// <param name="OwnerDomain">The owner account's domain.</param>
public sealed record GrantedMailbox(MailboxRecord Mailbox, string OwnerName, string OwnerDomain, AclEntry Entry);
