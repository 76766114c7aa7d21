namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>The kind of a message-level <c>folderReport</c> that carries fields (docs/ximss.md §7.5).</summary>
public enum MessageReportMode
{
    /// <summary>A <c>folderBrowse</c> item: no <c>mode</c> attribute.</summary>
    Browse,

    /// <summary><c>mode="added"</c>: a message entered the view.</summary>
    Added,

    /// <summary><c>mode="updated"</c>: a message's flags or position changed.</summary>
    Updated,
}
