using Postern.Ximss.Protocol.Values.Search;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;folderSearch id folder filter [limit] [timeout]/&gt;</c> → one <c>folderSearch</c> data message
/// listing the matching UIDs in view order (docs/ximss.md, Searching). <c>filter</c> holds IMAP SEARCH
/// keys (the Java client sends <c>filter="ALL"</c>, docs/ximss.md §5.4).
/// </summary>
/// <param name="Id">The request id.</param>
/// <param name="Folder">The open folder.</param>
/// <param name="Criteria">The parsed filter.</param>
/// <param name="Limit">At most this many UIDs; the result says when more matched.</param>
/// <param name="Timeout">Stop after this long and return what was found.</param>
public sealed record FolderSearchRequest(string Id, string Folder, SearchKey Criteria, int? Limit, TimeSpan? Timeout)
    : XimssRequest(Id)
{
    private const int MaxTimeoutSeconds = 3600;

    internal static FolderSearchRequest Parse(RequestElementReader reader)
    {
        var folder = reader.Required("folder");
        var filter = reader.Required("filter");
        SearchKey criteria = new SearchKey.All();
        if (filter.Length > 0)
        {
            if (SearchCriteriaParser.TryParse(filter, out var parsed, out var problem, reader.Limits))
                criteria = parsed;
            else
                reader.Fail(XimssError.InvalidAttribute("filter", problem));
        }

        var limit = (int?)reader.OptionalNumber("limit", 1, int.MaxValue);
        // timeout is in seconds; an hour bounds how long one request may hold the session's queue.
        var timeout = reader.OptionalNumber("timeout", 1, MaxTimeoutSeconds) is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        return new(reader.Id, folder, criteria, limit, timeout);
    }
}
