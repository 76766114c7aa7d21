using Postern.Storage;

namespace Postern.WebUser.Components.Generic;

/// <summary>The <c>status</c> element of messages (WebApp: Deleted, Draft, Redirected, Unread, Answered, Read, first that applies).</summary>
public static class MessageStatus
{
    public static string Of(MessageFlags flags) =>
        flags.HasFlag(MessageFlags.Deleted) ? "Deleted"
        : flags.HasFlag(MessageFlags.Draft) ? "Draft"
        : flags.HasFlag(MessageFlags.Redirected) ? "Redirected"
        : !flags.HasFlag(MessageFlags.Seen) ? "Unread"
        : flags.HasFlag(MessageFlags.Answered) ? "Answered"
        : "Read";
}
