using System.Globalization;
using Postern.Ximss.Protocol.Values;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;folderBrowse id folder&gt;&lt;index from till/&gt;&lt;/folderBrowse&gt;</c> or with <c>&lt;UID&gt;</c>
/// children → one <c>folderReport</c> (no <c>mode</c>) per message, with <c>index</c>, <c>UID</c> and the
/// folder's fields (docs/ximss.md §5.4). Exactly one of <see cref="Indexes"/> and <see cref="Uids"/> is set.
/// </summary>
/// <param name="Id">The request id.</param>
/// <param name="Folder">The open folder.</param>
/// <param name="Indexes">View positions, 0-based inclusive; a range past the end of the view yields what exists.</param>
/// <param name="Uids">Messages by UID, in the client's order.</param>
public sealed record FolderBrowseRequest(string Id, string Folder, IndexRange? Indexes, UidSelection? Uids) : XimssRequest(Id)
{
    internal static FolderBrowseRequest Parse(RequestElementReader reader)
    {
        var folder = reader.Required("folder");
        var index = reader.Element.FindChild("index");
        var hasUids = reader.Element.FindChild("UID") is not null;
        if (index is not null && hasUids)
        {
            reader.Fail(XimssError.InvalidElement("index", "use either <index> or <UID>, not both"));
            return new(reader.Id, folder, null, null);
        }

        if (index is null)
            return new(reader.Id, folder, null, reader.Uids());
        return new(reader.Id, folder, ParseIndexRange(reader, index), null);
    }

    private static IndexRange? ParseIndexRange(RequestElementReader reader, XimssElement index)
    {
        if (!TryParseIndex(index.FindAttribute("from"), out var from) || !TryParseIndex(index.FindAttribute("till"), out var till) || from > till)
        {
            reader.Fail(XimssError.InvalidElement("index", "expected from and till positions with from ≤ till"));
            return null;
        }

        if (till - from + 1 > reader.Limits.MaxBrowseRange)
        {
            reader.Fail(XimssError.TooManyItems($"more than {reader.Limits.MaxBrowseRange} messages in one <index> range"));
            return null;
        }

        if (till > int.MaxValue)
        {
            reader.Fail(XimssError.InvalidElement("index", "positions must be below 2147483648"));
            return null;
        }

        return new IndexRange((int)from, (int)till);
    }

    // Parsed wide so that a huge range is reported as too large rather than as unreadable.
    private static bool TryParseIndex(string? text, out long index) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);
}
