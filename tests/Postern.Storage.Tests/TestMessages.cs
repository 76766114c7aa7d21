using System.Text;
using Postern.Storage;

namespace Postern.Storage.Tests;

/// <summary>Builds small messages with summaries the way the mail layer would.</summary>
internal static class TestMessages
{
    private static readonly DateTimeOffset s_baseTime = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static NewMessage Create(
        string subject,
        string from = "Alice <alice@example.com>",
        string to = "bob@example.com",
        int bodyLines = 3,
        MessageFlags flags = MessageFlags.None,
        IReadOnlyList<string>? keywords = null,
        DateTimeOffset? internalDate = null,
        DateTimeOffset? sentDate = null,
        MessagePriority priority = MessagePriority.Normal,
        string? bodyText = null,
        bool indexed = true)
    {
        var sent = sentDate ?? s_baseTime;
        var headers = $"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {sent:R}\r\nMessage-ID: <{Guid.NewGuid():N}@example.com>\r\n\r\n";
        var body = new StringBuilder();
        for (var i = 0; i < bodyLines; i++)
            body.Append("Line ").Append(i).Append(" of ").Append(subject).Append("\r\n");
        if (bodyText is not null)
            body.Append(bodyText).Append("\r\n");
        var headerBytes = Encoding.UTF8.GetBytes(headers);
        var content = Encoding.UTF8.GetBytes(headers + body);
        var summary = new MessageSummary(
            headerBytes,
            sentDate,
            subject.ToLowerInvariant(),
            from.ToLowerInvariant(),
            to.ToLowerInvariant(),
            HasAttachments: false,
            priority,
            MessageId: null,
            Preview: body.ToString()[..Math.Min(body.Length, 40)]);
        var text = indexed ? new MessageText(subject, from, to, "", "", headers, body.ToString()) : null;
        return new NewMessage(content, flags, keywords ?? [], internalDate ?? s_baseTime, summary, text);
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
