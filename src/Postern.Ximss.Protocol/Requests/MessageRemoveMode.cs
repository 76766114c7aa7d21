namespace Postern.Ximss.Protocol.Requests;

/// <summary>How <c>messageRemove</c> removes messages.</summary>
public enum MessageRemoveMode
{
    /// <summary>No <c>mode</c>: as the account's delete preference says (move to Trash, or mark Deleted).</summary>
    Default,

    /// <summary><c>mode="Immediately"</c>: erase now, with no Trash copy (docs/ximss.md §5.5).</summary>
    Immediately,
}
