namespace Postern.Ximss.Protocol.Requests;

/// <summary>The <c>mode</c> of <c>folderRead</c>: what kind of <c>&lt;EMail&gt;</c> comes back (docs/ximss.md §5.4).</summary>
public enum FolderReadMode
{
    /// <summary>No <c>mode</c>: the message as parsed, every part as it is.</summary>
    Message,

    /// <summary><c>text</c>: the message with its body reduced to plain text (HTML alternatives converted).</summary>
    Text,

    /// <summary><c>source</c>: the raw RFC 5322 text of the message.</summary>
    Source,

    /// <summary><c>replyFrom</c>: a ready-to-edit reply to the sender, plain text.</summary>
    ReplyFrom,

    /// <summary><c>replyAll</c>: a ready-to-edit reply to all recipients, plain text.</summary>
    ReplyAll,

    /// <summary><c>forward</c>: a ready-to-edit forward, plain text.</summary>
    Forward,

    /// <summary><c>replyFromHTML</c>: as <see cref="ReplyFrom"/>, HTML body.</summary>
    ReplyFromHtml,

    /// <summary><c>replyAllHTML</c>: as <see cref="ReplyAll"/>, HTML body.</summary>
    ReplyAllHtml,

    /// <summary><c>forwardHTML</c>: as <see cref="Forward"/>, HTML body.</summary>
    ForwardHtml,
}
