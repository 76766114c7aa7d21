using System.Text.RegularExpressions;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;folderRead id folder UID [mode] [partID] [totalSizeLimit]/&gt;</c> → <c>folderMessage</c> holding
/// the message (or one part, or a reply/forward draft) as <c>&lt;EMail&gt;</c> (docs/ximss.md §5.4, §7.6).
/// </summary>
/// <param name="Id">The request id.</param>
/// <param name="Folder">The open folder.</param>
/// <param name="Uid">The message.</param>
/// <param name="Mode">What to return.</param>
/// <param name="PartId">A part such as <c>02-01</c> to return instead of the whole message.</param>
/// <param name="TotalSizeLimit">Text larger than this many bytes is cut; null (<c>-1</c> or absent) for no limit.</param>
public sealed partial record FolderReadRequest(string Id, string Folder, uint Uid, FolderReadMode Mode, string? PartId, long? TotalSizeLimit)
    : XimssRequest(Id)
{
    internal static FolderReadRequest Parse(RequestElementReader reader)
    {
        var mode = reader.Choice("mode", FolderReadMode.Message, FolderReadModeNames.Vocabulary);

        var partId = reader.Optional("partID");
        if (partId is not null && !PartIdPattern().IsMatch(partId))
            reader.Fail(XimssError.InvalidAttribute("partID", "expected numbers joined by '-', e.g. 02-01"));

        // docs/ximss.md §5.4: totalSizeLimit -1 means unlimited.
        var limit = reader.OptionalNumber("totalSizeLimit", -1);
        return new(reader.Id, reader.Required("folder"), reader.RequiredUid("UID"), mode, partId, limit is -1 ? null : limit);
    }

    // CGP part ids are two-digit positions joined by '-' (docs/ximss.md §7.6: "02-01-04"); any digit count is accepted.
    [GeneratedRegex("^[0-9]{1,9}(-[0-9]{1,9}){0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PartIdPattern();
}
