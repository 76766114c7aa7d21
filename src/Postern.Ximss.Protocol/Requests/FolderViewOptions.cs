using System.Collections.Immutable;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>How a folder presents its mailbox: fields per report, sort and filter. Shared by <c>folderOpen</c> and <c>folderReopen</c> (docs/ximss.md §5.4).</summary>
/// <param name="Fields">The <c>&lt;field&gt;</c> names each <c>folderReport</c> should carry, in order (e.g. <c>FLAGS</c>, <c>E-From</c>, <c>Subject</c>).</param>
/// <param name="SortField">The <c>sortField</c> (e.g. <c>INTERNALDATE</c>, <c>Subject</c>); null keeps mailbox (arrival) order.</param>
/// <param name="SortOrder">The <c>sortOrder</c>.</param>
/// <param name="Filter">The view filter, when one is set.</param>
public sealed record FolderViewOptions(ImmutableArray<string> Fields, string? SortField, SortOrder SortOrder, FolderFilter? Filter)
{
    internal static FolderViewOptions Parse(RequestElementReader reader)
    {
        var fields = reader.ChildTexts("field");
        if (fields.Length > reader.Limits.MaxFolderFields)
            reader.Fail(XimssError.TooManyItems($"more than {reader.Limits.MaxFolderFields} <field> elements"));

        var sortOrder = reader.Choice("sortOrder", SortOrder.Ascending,
            [("asc", SortOrder.Ascending), ("desc", SortOrder.Descending), ("ascending", SortOrder.Ascending), ("descending", SortOrder.Descending)]);
        return new(fields, reader.Optional("sortField"), sortOrder, ParseFilter(reader));
    }

    private static FolderFilter? ParseFilter(RequestElementReader reader)
    {
        var text = reader.Optional("filter");
        var field = reader.Optional("filterField");
        if (text is null)
            return null;
        if (!string.Equals(field, "FLAGS", StringComparison.OrdinalIgnoreCase))
            return new FolderFilter(field, text, null);
        return new FolderFilter(field, text, reader.Flags("filter", required: true));
    }
}
