namespace Postern.Mail.Messages;

/// <summary>How messages are deleted: the WebUser <c>DeleteMethod</c> preference.</summary>
public enum DeleteMethod
{
    /// <summary><c>Move To Trash</c>: moved to the Trash mailbox (erased when already there).</summary>
    MoveToTrash,

    /// <summary><c>Immediately</c>: erased at once.</summary>
    Immediately,

    /// <summary><c>Mark</c>: flagged Deleted, erased by a later expunge (WebUser Purge, XIMSS folderExpunge).</summary>
    Mark,
}

/// <summary>The preference's text values, as CommuniGate writes them.</summary>
public static class DeleteMethods
{
    /// <summary>Reads a preference value; anything unknown is the default, <see cref="DeleteMethod.MoveToTrash"/>.</summary>
    public static DeleteMethod Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "immediately" => DeleteMethod.Immediately,
        "mark" => DeleteMethod.Mark,
        _ => DeleteMethod.MoveToTrash,
    };

}
