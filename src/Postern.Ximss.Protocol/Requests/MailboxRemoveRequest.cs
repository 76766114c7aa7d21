namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;mailboxRemove id mailbox [children]/&gt;</c>: removes a mailbox, with its sub-mailboxes when <c>children="yes"</c> (docs/ximss.md §5.3).</summary>
public sealed record MailboxRemoveRequest(string Id, string Mailbox, bool Children) : XimssRequest(Id)
{
    internal static MailboxRemoveRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Required("mailbox"), reader.YesNo("children"));
}
