namespace Postern.Ximss.Protocol.Values;

/// <summary>
/// Positions <see cref="From"/> through <see cref="Till"/>, inclusive and 0-based, in a folder's sorted
/// and filtered view: <c>&lt;index from="0" till="49"/&gt;</c> in <c>folderBrowse</c> (docs/ximss.md §5.4).
/// </summary>
public readonly record struct IndexRange(int From, int Till)
{
    /// <summary>How many positions the range covers.</summary>
    public int Count => Till - From + 1;
}
