using Postern.Mime.Headers;
using Postern.Storage;
using MimeSummary = Postern.Mime.Summary.MessageSummary;

namespace Postern.WebUser.Components.Generic;

/// <summary>What a mailbox view row shows of a message, read once from its stored header block.</summary>
internal sealed record MailboxRow(uint Uid, MessageFlags Flags, string From, string To, string Subject, DateTimeOffset Received,
    DateTimeOffset? Sent, long Size, Postern.Storage.MessagePriority Priority, string? Color, string ContentType)
{
    /// <summary>A subject or address longer than this is cut for the list: a row is one line.</summary>
    private const int MaxShownLength = 512;

    /// <param name="flags">The flags as the view shows them (Recent included while the view holds it).</param>
    public static MailboxRow Read(MessageRecord record, MessageFlags flags)
    {
        var summary = MimeSummary.FromHeaders(HeaderList.Parse(record.Summary.HeaderBlock));
        return new MailboxRow(record.Uid, flags, Names(summary.From), Names(summary.To), Cut(summary.Subject ?? ""),
            record.InternalDate, record.Summary.SentDate, record.Size, record.Summary.Priority, summary.Color, summary.ContentType);
    }

    private static string Names(IReadOnlyList<Postern.Mime.Addresses.MailboxAddress> addresses) =>
        Cut(string.Join(", ", addresses.Select(a => string.IsNullOrWhiteSpace(a.Name) ? a.Address : a.Name!)));

    private static string Cut(string text) => text.Length > MaxShownLength ? text[..MaxShownLength] + "…" : text;
}
