using Postern.Mail.Search;
using Postern.Storage;

namespace Postern.Mail.Folders;

/// <summary>How a folder view orders and selects the messages of its mailbox.</summary>
public sealed record FolderViewDefinition(FolderSortOrder Order, FolderViewFilter Filter)
{
    /// <summary>Every message, in arrival (UID) order.</summary>
    public static FolderViewDefinition Default { get; } = new(FolderSortOrder.Arrival, FolderViewFilter.None);
}

/// <summary>The sort field and direction of a view; ties are broken by UID in the same direction.</summary>
/// <param name="Field">
/// <c>INTERNALDATE</c>, <c>Date</c>, <c>Subject</c>, <c>From</c>, <c>To</c>, <c>SIZE</c>, <c>Pty</c>, <c>UID</c>
/// (read from the store's sort indexes), or any other header field (sorted in memory by its decoded
/// text, or its first address for address fields and <c>E-</c> names). Null or empty: arrival order.
/// Names are matched ignoring case.
/// </param>
public sealed record FolderSortOrder(string? Field, bool Descending)
{
    public static FolderSortOrder Arrival { get; } = new(null, false);
}

/// <summary>Which messages a view shows: those whose flags pass <see cref="Flags"/> and that match <see cref="Criteria"/>.</summary>
/// <remarks>
/// A message whose flags change so that it no longer passes leaves the view at the next sync (and one
/// that starts passing enters it).
/// </remarks>
public sealed record FolderViewFilter(MessageFlagFilter Flags, SearchCriteria? Criteria)
{
    public static FolderViewFilter None { get; } = new(MessageFlagFilter.All, null);
}
