namespace Postern.Ximss.Protocol.Requests;

/// <summary>The wire names of <see cref="FolderReadMode"/> (docs/ximss.md §5.4), for parsing requests and echoing <c>mode</c> on <c>folderMessage</c>.</summary>
public static class FolderReadModeNames
{
    private static readonly (string Name, FolderReadMode Mode)[] s_vocabulary =
    [
        ("text", FolderReadMode.Text),
        ("source", FolderReadMode.Source),
        ("replyFrom", FolderReadMode.ReplyFrom),
        ("replyAll", FolderReadMode.ReplyAll),
        ("forward", FolderReadMode.Forward),
        ("replyFromHTML", FolderReadMode.ReplyFromHtml),
        ("replyAllHTML", FolderReadMode.ReplyAllHtml),
        ("forwardHTML", FolderReadMode.ForwardHtml),
    ];

    internal static ReadOnlySpan<(string Name, FolderReadMode Mode)> Vocabulary => s_vocabulary;

    /// <summary>The <c>mode</c> attribute value, or null for <see cref="FolderReadMode.Message"/> (no attribute).</summary>
    public static string? ToName(FolderReadMode mode)
    {
        foreach (var (name, candidate) in s_vocabulary)
        {
            if (candidate == mode)
                return name;
        }

        return null;
    }
}
