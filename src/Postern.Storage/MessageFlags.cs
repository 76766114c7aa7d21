namespace Postern.Storage;

/// <summary>The CommuniGate message flags, stored as one bit mask.</summary>
/// <remarks>
/// The set is CommuniGate's (XIMSS <c>messageMark</c> and <c>FLAGS</c>); the bit values are ours and
/// persist in the store, so they never change. Custom keywords are kept beside the mask.
/// </remarks>
[Flags]
public enum MessageFlags
{
    None = 0,
    Seen = 1 << 0,
    Answered = 1 << 1,
    Flagged = 1 << 2,
    Deleted = 1 << 3,
    Draft = 1 << 4,
    Redirected = 1 << 5,
    MDNSent = 1 << 6,
    Hidden = 1 << 7,
    Service = 1 << 8,
    Media = 1 << 9,
    Junk = 1 << 10,
    Label1 = 1 << 11,
    Label2 = 1 << 12,
    Label3 = 1 << 13,
    Recent = 1 << 14,
}
