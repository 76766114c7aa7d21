using Postern.Ximss.Protocol.Values;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;messageAppend id targetMailbox [flags] [internalDate] [mailboxClass] [report="uid"]&gt;…&lt;/messageAppend&gt;</c>:
/// stores a message in a mailbox (docs/ximss.md). The message is exactly one of: an <c>&lt;EMail&gt;</c>
/// child (docs/ximss.md §7.6), the raw RFC 5322 text as the element's text, or an <c>uploadID</c> naming a file
/// posted to the session's <c>/UPLOAD/</c> resource.
/// </summary>
/// <param name="Id">The request id.</param>
/// <param name="TargetMailbox">The mailbox (<c>mailbox</c> is accepted too).</param>
/// <param name="MailboxClass">When set, the mailbox is created with this class if missing.</param>
/// <param name="Flags">Flags to store the message with (only positive names; e.g. <c>Seen,Draft</c>).</param>
/// <param name="InternalDate">The arrival time to record; null for now. Without a trailing <c>Z</c> the time is the session's local time.</param>
/// <param name="Email">The message as <c>&lt;EMail&gt;</c> XML.</param>
/// <param name="RawMessage">The message as RFC 5322 text.</param>
/// <param name="UploadId">The upload holding the message.</param>
/// <param name="ReportUid">With <c>report="uid"</c>: answer with a <c>messageUID</c> data message naming the new UID.</param>
public sealed record MessageAppendRequest(
    string Id,
    string TargetMailbox,
    string? MailboxClass,
    FlagList Flags,
    DateTime? InternalDate,
    XimssElement? Email,
    string? RawMessage,
    string? UploadId,
    bool ReportUid) : XimssRequest(Id)
{
    internal static MessageAppendRequest Parse(RequestElementReader reader)
    {
        var target = reader.Optional("targetMailbox") ?? reader.Optional("mailbox");
        if (target is null)
            reader.Fail(XimssError.MissingAttribute("targetMailbox"));

        var flags = reader.Flags("flags", required: false);
        if (flags.Cleared != MessageFlags.None || !flags.ClearedKeywords.IsEmpty || (flags.Set & MessageFlags.Recent) != 0)
            reader.Fail(XimssError.InvalidAttribute("flags", "only flags to set (not negations or Recent) apply to a new message"));

        DateTime? internalDate = null;
        if (reader.Optional("internalDate") is { } dateText)
        {
            if (XimssTime.TryParse(dateText, out var parsed))
                internalDate = parsed;
            else
                reader.Fail(XimssError.InvalidAttribute("internalDate", "expected yyyyMMddTHHmmss[Z]"));
        }

        var email = reader.Element.FindChild("EMail");
        var raw = reader.Element.Children.IsEmpty && reader.Element.Text.Trim().Length > 0 ? reader.Element.Text : null;
        var uploadId = reader.Optional("uploadID");
        var sources = (email is null ? 0 : 1) + (raw is null ? 0 : 1) + (uploadId is null ? 0 : 1);
        if (sources == 0)
            reader.Fail(XimssError.MissingElement("EMail"));
        else if (sources > 1)
            reader.Fail(XimssError.InvalidElement("EMail", "give the message once: <EMail>, raw text or uploadID"));

        return new(reader.Id, target ?? "", reader.Optional("mailboxClass"), flags, internalDate, email, raw, uploadId,
            string.Equals(reader.Optional("report"), "uid", StringComparison.OrdinalIgnoreCase));
    }
}
