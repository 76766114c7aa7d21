namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;folderExpunge id folder/&gt;</c>: removes the folder's messages flagged <c>Deleted</c>, reporting each as <c>folderReport mode="removed"</c> (docs/ximss.md §5.4).</summary>
public sealed record FolderExpungeRequest(string Id, string Folder) : XimssRequest(Id)
{
    internal static FolderExpungeRequest Parse(RequestElementReader reader) => new(reader.Id, reader.Required("folder"));
}
