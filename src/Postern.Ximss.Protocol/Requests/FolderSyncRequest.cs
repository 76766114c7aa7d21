namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;folderSync id folder [limit]/&gt;</c> → delta <c>folderReport</c>s (<c>added</c>, <c>updated</c>,
/// <c>removed</c>) since the client last synchronised; clients call it after a <c>mode="notify"</c> report (docs/ximss.md §5.4).
/// </summary>
/// <param name="Id">The request id.</param>
/// <param name="Folder">The open folder.</param>
/// <param name="Limit">At most this many reports; the rest wait for the next <c>folderSync</c>.</param>
public sealed record FolderSyncRequest(string Id, string Folder, int? Limit) : XimssRequest(Id)
{
    internal static FolderSyncRequest Parse(RequestElementReader reader) =>
        new(reader.Id, reader.Required("folder"), (int?)reader.OptionalNumber("limit", 1, int.MaxValue));
}
