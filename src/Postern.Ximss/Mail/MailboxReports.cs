using Postern.Mail.Mailboxes;
using WireMailboxInfo = Postern.Ximss.Protocol.DataMessages.MailboxInfo;

namespace Postern.Ximss.Mail;

/// <summary>A mailbox listing line as the <c>mailbox</c> data message (docs/ximss.md §7.4).</summary>
internal static class MailboxReports
{
    public static WireMailboxInfo ToWire(MailboxInfo info)
    {
        if (info.Mailbox is not { } mailbox)
            return new WireMailboxInfo(info.Name) { PureFolder = true };
        var record = mailbox.Record;
        var statistics = info.Statistics;
        return new WireMailboxInfo(info.Name)
        {
            Messages = record.MessageCount,
            Size = record.TotalSize,
            Unseen = record.UnseenCount,
            Recent = statistics?.Recent,
            UidNext = record.UidNext,
            UidValidity = record.UidValidity,
            // Every change of the mailbox raises its modification sequence: CGP's BoxSeq.
            BoxSeq = record.HighestModSeq,
            Oldest = statistics?.Oldest?.UtcDateTime,
            Class = record.Class.Length == 0 ? null : record.Class,
            Media = statistics?.Media,
            UnseenMedia = statistics?.UnseenMedia,
            IsFolder = info.HasChildren,
            // The user's rights are given for other accounts' mailboxes; on its own it has them all.
            Rights = mailbox.IsOwn ? null : MailboxRightsText.Format(mailbox.Rights),
        };
    }
}
