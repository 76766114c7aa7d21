using Postern.Mail.Search;
using Postern.Mime;
using Postern.Storage;
using MimeSummary = Postern.Mime.Summary.MessageSummary;
using MimePriority = Postern.Mime.Summary.MessagePriority;

namespace Postern.Mail.Messages;

/// <summary>
/// Turns message bytes into what the store keeps: the bytes, the summary folder views read instead of
/// them, and the words full-text search finds them by.
/// </summary>
public static class StoredMessages
{
    /// <summary>Parses <paramref name="content"/> and builds the message to append. Never fails on malformed mail.</summary>
    /// <exception cref="MailException">The message is larger than <see cref="MessageLimits.MaxMessageSize"/> or has too many keywords.</exception>
    public static NewMessage Create(ReadOnlyMemory<byte> content, MessageFlags flags, IReadOnlyList<string> keywords, DateTimeOffset internalDate)
    {
        if (content.Length > MessageLimits.MaxMessageSize)
            throw new MailException(MailErrorCode.MessageTooLarge, $"the message is {content.Length} bytes; the limit is {MessageLimits.MaxMessageSize}");
        if (keywords.Count > MessageLimits.MaxKeywords)
            throw new MailException($"a message may have at most {MessageLimits.MaxKeywords} keywords");
        var message = MimeMessage.Parse(content);
        return new NewMessage(content, flags, keywords, internalDate, Summarize(message), MessageTextExtractor.Extract(message));
    }

    /// <summary>The stored summary of a parsed message.</summary>
    public static MessageSummary Summarize(MimeMessage message)
    {
        var summary = MimeSummary.Create(message);
        var headerBlock = message.Source[message.Offset..message.Body.BodyOffset];
        return new MessageSummary(
            HeaderBlock: headerBlock,
            SentDate: summary.Date,
            SubjectSortKey: SortKeys.Subject(summary.Subject),
            FromSortKey: SortKeys.Address(summary.From),
            ToSortKey: SortKeys.Address(summary.To),
            HasAttachments: summary.HasAttachments,
            Priority: summary.Priority switch
            {
                MimePriority.High => MessagePriority.High,
                MimePriority.Low => MessagePriority.Low,
                _ => MessagePriority.Normal,
            },
            MessageId: summary.MessageId,
            Preview: summary.Preview);
    }
}
