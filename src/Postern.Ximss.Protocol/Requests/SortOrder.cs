namespace Postern.Ximss.Protocol.Requests;

/// <summary>The <c>sortOrder</c> of a folder view: <c>asc</c> (the default) or <c>desc</c> (docs/ximss.md §5.4).</summary>
public enum SortOrder
{
    /// <summary><c>asc</c>: smallest value first.</summary>
    Ascending,

    /// <summary><c>desc</c>: largest value first (Samoware's newest-first view).</summary>
    Descending,
}
