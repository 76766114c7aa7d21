using Postern.Mime.Addresses;

namespace Postern.Mime.Writing;

/// <summary>How <see cref="ReplyComposer"/> builds a reply or a forward.</summary>
public sealed record ReplyOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static ReplyOptions Default { get; } = new();

    /// <summary>Whether a reply goes to every recipient of the original too (To and Cc), not only its author.</summary>
    public bool ReplyAll { get; init; }

    /// <summary>The replying user's own addresses, left out of a reply-all's recipients.</summary>
    public IReadOnlyList<MailboxAddress> Self { get; init; } = [];

    /// <summary>The From of the reply or forward, when known.</summary>
    public MailboxAddress? From { get; init; }

    /// <summary>Whether a forward carries the original as a message/rfc822 attachment rather than quoted inline.</summary>
    public bool ForwardAsAttachment { get; init; }
}
