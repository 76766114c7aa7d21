using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;mailboxSubList id [filter]/&gt;</c> → one <c>mailboxSubscription</c> per subscribed name matching the pattern (docs/ximss.md §5.3).</summary>
public sealed record MailboxSubListRequest(string Id, MailboxPattern Filter) : XimssRequest(Id)
{
    internal static MailboxSubListRequest Parse(RequestElementReader reader) => new(reader.Id, reader.Pattern("filter"));
}
