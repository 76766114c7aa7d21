namespace Postern.WebUser;

/// <summary>Caps on what one WebUser request may carry; each says where its number comes from.</summary>
public sealed class WebUserLimits
{
    /// <summary>The defaults.</summary>
    public static WebUserLimits Default { get; } = new();

    /// <summary>
    /// Parameters in one request (query and form together). 2048: the largest stock form is a mailbox page
    /// with one <c>Msg</c> check box per row (at most <see cref="MaxMessagesPerPage"/>) plus a few dozen
    /// controls; twice ASP.NET Core's default form value count leaves room for custom skins.
    /// </summary>
    public int MaxParameters { get; init; } = 2048;

    /// <summary>
    /// Bytes of a URL-encoded form body. 4 MiB, ASP.NET Core's default form limit: a message typed into the
    /// Compose page is far smaller; attachments travel as multipart uploads.
    /// </summary>
    public int MaxFormBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Bytes of a multipart upload (the Compose page's attachments). 32 MiB: above the 25 MB message size
    /// most mail systems accept, so any attachment that could be sent at all can be uploaded.
    /// </summary>
    public long MaxUploadBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Files in one upload: more than anyone attaches to one message by hand.</summary>
    public int MaxUploadedFiles { get; init; } = 64;

    /// <summary>
    /// Rows of a mailbox page. 500: CommuniGate's preference menu offers up to a few hundred; a larger page
    /// is slower to render than to page through.
    /// </summary>
    public int MaxMessagesPerPage { get; init; } = 500;

    /// <summary>
    /// Characters of the parameters carried over a disconnection to <c>resume.wssp</c>. 256 KiB: a long
    /// message being composed when the session expired survives; a flood does not ride along.
    /// </summary>
    public int MaxRestoreChars { get; init; } = 256 * 1024;
}
