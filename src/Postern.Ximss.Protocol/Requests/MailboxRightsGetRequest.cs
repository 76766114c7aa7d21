namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;mailboxRightsGet id mailbox/&gt;</c> → <c>mailboxRights</c>: the current user's rights letters on the mailbox (docs/ximss.md §5.3).</summary>
public sealed record MailboxRightsGetRequest(string Id, string Mailbox) : XimssRequest(Id)
{
    internal static MailboxRightsGetRequest Parse(RequestElementReader reader) => new(reader.Id, reader.Required("mailbox"));
}
