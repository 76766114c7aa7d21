using Postern.Storage;

namespace Postern.WebUser.Components.Generic;

/// <summary>
/// The Mailbox view's <c>Filter</c> values: message states a page can ask for. Postern's names (the seed
/// does not list them): <c>Unread</c>, <c>Read</c>, <c>Flagged</c>, <c>Unflagged</c>, <c>Answered</c>,
/// <c>Unanswered</c>, <c>Deleted</c>, <c>Undeleted</c>, <c>Draft</c>, <c>Recent</c>; anything else shows all.
/// </summary>
public static class MailboxFilter
{
    public static IReadOnlyList<string> Names { get; } = ["Unread", "Read", "Flagged", "Unflagged", "Answered", "Unanswered", "Deleted", "Undeleted", "Draft", "Recent"];

    public static MessageFlagFilter Parse(string filter) => filter.Trim().ToLowerInvariant() switch
    {
        "unread" or "unseen" => new(MessageFlags.None, MessageFlags.Seen),
        "read" or "seen" => new(MessageFlags.Seen, MessageFlags.None),
        "flagged" => new(MessageFlags.Flagged, MessageFlags.None),
        "unflagged" => new(MessageFlags.None, MessageFlags.Flagged),
        "answered" => new(MessageFlags.Answered, MessageFlags.None),
        "unanswered" => new(MessageFlags.None, MessageFlags.Answered),
        "deleted" => new(MessageFlags.Deleted, MessageFlags.None),
        "undeleted" => new(MessageFlags.None, MessageFlags.Deleted),
        "draft" => new(MessageFlags.Draft, MessageFlags.None),
        "recent" => new(MessageFlags.Recent, MessageFlags.None),
        _ => MessageFlagFilter.All,
    };
}
