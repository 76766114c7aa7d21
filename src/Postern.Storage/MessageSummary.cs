namespace Postern.Storage;

/// <summary>
/// What a folder view needs of a message without opening its blob: the raw header block and the
/// sort and filter keys, computed by the caller from the parsed message when it is stored.
/// </summary>
/// <param name="HeaderBlock">The message's raw header bytes, up to and including the empty line that ends them.</param>
/// <param name="SentDate">The <c>Date</c> header, or null when it is missing or unreadable.</param>
/// <param name="SubjectSortKey">The subject lower-cased with <c>Re:</c>/<c>Fwd:</c> prefixes removed.</param>
/// <param name="FromSortKey">The first From address's display name or address, lower-cased.</param>
/// <param name="ToSortKey">The first To address's display name or address, lower-cased.</param>
/// <param name="HasAttachments">True when the message has a part a reader would call an attachment.</param>
/// <param name="Priority">The message priority (X-Priority / Importance), normal when absent.</param>
/// <param name="MessageId">The <c>Message-ID</c> without angle brackets, or null.</param>
/// <param name="Preview">A short plain-text preview of the body (may be empty).</param>
public sealed record MessageSummary(
    ReadOnlyMemory<byte> HeaderBlock,
    DateTimeOffset? SentDate,
    string SubjectSortKey,
    string FromSortKey,
    string ToSortKey,
    bool HasAttachments,
    MessagePriority Priority,
    string? MessageId,
    string Preview);

/// <summary>
/// Message priority (XIMSS <c>Pty</c>). The values sit on the X-Priority scale (1 highest, 5 lowest)
/// so that sorting by priority puts high first and intermediate levels could be added in between.
/// </summary>
public enum MessagePriority
{
    High = 1,
    Normal = 3,
    Low = 5,
}
