using Postern.Storage;

namespace Postern.Mail.Submission;

/// <summary>How a message is sent.</summary>
/// <param name="Recipients">The envelope recipients; null takes them from To, Cc and Bcc.</param>
/// <param name="RequestDsn">Ask for delivery status notifications (RFC 3461): kept with queued remote mail.</param>
/// <param name="SaveSent">Keep a copy in the Sent mailbox; null follows the user's SentBox preference.</param>
public sealed record SubmissionOptions(IReadOnlyList<string>? Recipients = null, bool RequestDsn = false, bool? SaveSent = null)
{
    public static SubmissionOptions Default { get; } = new();
}

/// <summary>What happened to a sent message.</summary>
/// <param name="MessageId">Its Message-ID, without angle brackets.</param>
/// <param name="Delivered">Local recipients it was delivered to.</param>
/// <param name="Queued">Remote recipients it waits for in the outbound queue.</param>
/// <param name="QueueId">The outbound queue entry, when there are remote recipients.</param>
/// <param name="SentCopy">The copy kept in the Sent mailbox: its name and UID.</param>
public sealed record SubmissionResult(
    string MessageId,
    IReadOnlyList<string> Delivered,
    IReadOnlyList<string> Queued,
    long? QueueId,
    (string Mailbox, AppendedMessage Message)? SentCopy);
