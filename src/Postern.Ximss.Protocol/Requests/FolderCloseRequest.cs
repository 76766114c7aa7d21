namespace Postern.Ximss.Protocol.Requests;

/// <summary><c>&lt;folderClose id folder/&gt;</c>: closes a folder; "folder has not been opened" when it is not open (docs/ximss.md §5.4).</summary>
public sealed record FolderCloseRequest(string Id, string Folder) : XimssRequest(Id)
{
    internal static FolderCloseRequest Parse(RequestElementReader reader) => new(reader.Id, reader.Required("folder"));
}
