namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;mailboxRename id mailbox newName [children]/&gt;</c>: renames a mailbox, with its sub-mailboxes when <c>children="yes"</c> (docs/ximss.md §5.3).</summary>
public sealed record MailboxRenameRequest(string Id, string Mailbox, string NewName, bool Children) : XimssRequest(Id)
{
    internal static MailboxRenameRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Required("mailbox"), reader.Required("newName"), reader.YesNo("children"));
}
