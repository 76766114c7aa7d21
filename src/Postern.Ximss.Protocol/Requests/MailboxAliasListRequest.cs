namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;mailboxAliasList id/&gt;</c> → one <c>mailboxAlias name mailbox</c> per alias of the account (docs/ximss.md).</summary>
public sealed record MailboxAliasListRequest(string Id) : XimssRequest(Id)
{
    internal static MailboxAliasListRequest Parse(RequestElementReader reader) => new(reader.Id);
}
