using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;mailboxList id [filter] [pureFolder] [mailboxClass]/&gt;</c> → one <c>mailbox</c> per match (docs/ximss.md §5.3, §7.4).</summary>
/// <param name="Id">The request id.</param>
/// <param name="Filter">Which mailboxes: an IMAP LIST pattern such as <c>%</c> or <c>%/%</c>; absent means <c>*</c>.</param>
/// <param name="IncludePureFolders">
/// <c>pureFolder="yes"</c>: also list names that only hold sub-mailboxes (reported with
/// <c>pureFolder="yes"</c>); otherwise only mailboxes that can hold messages are listed.
/// </param>
/// <param name="MailboxClass">When set, only mailboxes of this class (e.g. <c>IPF.Contact</c>).</param>
public sealed record MailboxListRequest(string Id, MailboxPattern Filter, bool IncludePureFolders, string? MailboxClass)
    : XimssRequest(Id)
{
    internal static MailboxListRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Pattern("filter"), reader.YesNo("pureFolder"), reader.Optional("mailboxClass"));
}
