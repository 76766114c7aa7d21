namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;mailboxAclList id mailbox/&gt;</c> → <c>mailboxAcl</c> with one <c>aclEntry</c> per identifier (docs/ximss.md, ACL operations).</summary>
public sealed record MailboxAclListRequest(string Id, string Mailbox) : XimssRequest(Id)
{
    internal static MailboxAclListRequest Parse(RequestElementReader reader) => new(reader.Id, reader.Required("mailbox"));
}
