using Postern.Mail.Folders;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Mail;

/// <summary>The messages a request names by <c>&lt;UID&gt;</c> children, in a folder (docs/ximss.md §5.4).</summary>
internal static class FolderUids
{
    /// <summary>
    /// Single UIDs as given, in the client's order; a range <c>&lt;UID from till/&gt;</c> as the folder's
    /// messages in it, in UID order (so a range as wide as all UIDs costs no more than the folder). Each
    /// message once.
    /// </summary>
    /// <param name="max">The most messages one request may name.</param>
    /// <returns>The UIDs, or null with <paramref name="error"/> set when there are more than <paramref name="max"/>.</returns>
    public static IReadOnlyList<uint>? Resolve(UidSelection selection, FolderView view, int max, out XimssError? error)
    {
        var result = new List<uint>();
        var seen = new HashSet<uint>();
        uint[]? sorted = null;
        foreach (var range in selection.Ranges)
        {
            if (range.First == range.Last)
            {
                if (seen.Add(range.First))
                    result.Add(range.First);
            }
            else
            {
                sorted ??= view.Uids.Order().ToArray();
                // Binary search to the range's start: many narrow ranges cost a lookup each, not a pass over the folder.
                var start = Array.BinarySearch(sorted, range.First);
                for (var i = start < 0 ? ~start : start; i < sorted.Length && sorted[i] <= range.Last && result.Count <= max; i++)
                {
                    if (seen.Add(sorted[i]))
                        result.Add(sorted[i]);
                }
            }
            if (result.Count > max)
            {
                error = XimssError.TooManyItems($"more than {max} messages in one request");
                return null;
            }
        }
        error = null;
        return result;
    }
}
