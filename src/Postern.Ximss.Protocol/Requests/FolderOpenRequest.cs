namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;folderOpen id folder [mailbox] [mailboxClass] [sortField] [sortOrder] [filter] [filterField]&gt;&lt;field&gt;…&lt;/field&gt;…&lt;/folderOpen&gt;</c>:
/// opens a sorted, filtered view of a mailbox under a client-chosen folder name → one folder-level
/// <c>folderReport mode="init"</c> (docs/ximss.md §5.4).
/// </summary>
/// <param name="Id">The request id.</param>
/// <param name="Folder">The folder name the client will use (e.g. <c>INBOX-MM-1</c>).</param>
/// <param name="Mailbox">The mailbox to view; defaults to <paramref name="Folder"/>.</param>
/// <param name="MailboxClass">When set, the mailbox is created with this class if it does not exist.</param>
/// <param name="View">Fields, sort and filter.</param>
public sealed record FolderOpenRequest(string Id, string Folder, string Mailbox, string? MailboxClass, FolderViewOptions View)
    : XimssRequest(Id)
{
    internal static FolderOpenRequest Parse(RequestElementReader reader)
    {
        var folder = reader.Required("folder");
        return new(reader.Id, folder, reader.Optional("mailbox") ?? folder, reader.Optional("mailboxClass"), FolderViewOptions.Parse(reader));
    }
}
