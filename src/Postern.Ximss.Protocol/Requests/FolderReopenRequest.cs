namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;folderReopen id folder …&gt;</c>: changes the fields, sort or filter of an open folder, with the
/// same attributes and children as <c>folderOpen</c> → a new <c>folderReport mode="init"</c> (docs/ximss.md §5.4).
/// </summary>
public sealed record FolderReopenRequest(string Id, string Folder, FolderViewOptions View) : XimssRequest(Id)
{
    internal static FolderReopenRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Required("folder"), FolderViewOptions.Parse(reader));
}
