namespace Postern.Ximss.Protocol.Values;

/// <summary>The CGP message flags XIMSS clients set and read (docs/ximss.md §8.1), independent of how a store keeps them.</summary>
/// <remarks>
/// <c>Read</c>/<c>Unread</c> on the wire name the same flag as <c>Seen</c>/<c>Unseen</c> (both pairs
/// are in the CGP vocabulary, docs/ximss.md §8.1; Postern treats them as one IMAP \Seen flag).
/// <see cref="Recent"/> is reported but never set by clients (RFC 3501 §2.3.2: the server manages \Recent).
/// Any other word in a <c>flags</c> attribute is a custom keyword, kept as text.
/// </remarks>
[Flags]
public enum MessageFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary><c>Seen</c> (also <c>Read</c>); negations <c>Unseen</c>, <c>Unread</c>.</summary>
    Seen = 1 << 0,

    /// <summary><c>Answered</c>; negation <c>Unanswered</c>.</summary>
    Answered = 1 << 1,

    /// <summary><c>Flagged</c>; negation <c>Unflagged</c>.</summary>
    Flagged = 1 << 2,

    /// <summary><c>Draft</c>; negation <c>Undraft</c>.</summary>
    Draft = 1 << 3,

    /// <summary><c>Deleted</c>; negation <c>Undeleted</c>.</summary>
    Deleted = 1 << 4,

    /// <summary><c>Redirected</c> (forwarded or redirected); negation <c>UnRedirected</c>.</summary>
    Redirected = 1 << 5,

    /// <summary><c>MDNSent</c> (a read receipt was sent); negation <c>NoMDNSent</c>.</summary>
    MdnSent = 1 << 6,

    /// <summary><c>Hidden</c>; negation <c>NotHidden</c>.</summary>
    Hidden = 1 << 7,

    /// <summary><c>Service</c>; negation <c>NotService</c>.</summary>
    Service = 1 << 8,

    /// <summary><c>Media</c> (voice or video mail); negation <c>NotMedia</c>.</summary>
    Media = 1 << 9,

    /// <summary><c>Junk</c>; negation <c>NotJunk</c>.</summary>
    Junk = 1 << 10,

    /// <summary><c>Label1</c>; negation <c>NotLabel1</c>.</summary>
    Label1 = 1 << 11,

    /// <summary><c>Label2</c>; negation <c>NotLabel2</c>.</summary>
    Label2 = 1 << 12,

    /// <summary><c>Label3</c>; negation <c>NotLabel3</c>.</summary>
    Label3 = 1 << 13,

    /// <summary><c>Recent</c>: the message arrived since the mailbox was last opened. Reported only.</summary>
    Recent = 1 << 14,
}
