namespace Postern.Mime;

/// <summary>Caps that keep a broken or hostile message from exhausting stack, memory or time.</summary>
/// <remarks>
/// Every cap is on by default. When a message exceeds one, parsing still succeeds: the excess is left
/// undecoded (kept as raw bytes of the enclosing part) and a <see cref="MimeDefect"/> records it.
/// </remarks>
public sealed record MimeLimits
{
    /// <summary>The defaults described on each property.</summary>
    public static MimeLimits Default { get; } = new();

    /// <summary>
    /// How deep multiparts and embedded messages may nest (the top-level body is depth 0). Default 64.
    /// </summary>
    /// <remarks>
    /// Real mail rarely nests deeper than ten levels (a forward of a forward of a digest). MimeKit allows
    /// 1024; 64 keeps the recursive descent far from the stack limit while accepting any real message.
    /// A part deeper than this is kept as an opaque leaf.
    /// </remarks>
    public int MaxDepth
    {
        get;
        init => field = Positive(value);
    } = 64;

    /// <summary>How many header fields one header block may hold. Default 1000.</summary>
    /// <remarks>
    /// MTAs reject mail with more than a few dozen <c>Received</c> fields as a loop (Postfix
    /// hopcount_limit 50, Exim received_headers_max 30); 1000 leaves room for heavily annotated
    /// list mail. Fields past the cap stay in the raw header block but are not indexed.
    /// </remarks>
    public int MaxHeaderCount
    {
        get;
        init => field = Positive(value);
    } = 1000;

    /// <summary>
    /// The longest header field value, in bytes with all its folded lines, that is decoded. Default 256 KiB.
    /// </summary>
    /// <remarks>
    /// RFC 5322 §2.1.1 caps a line at 998 octets but folded fields have no limit. Real-world address
    /// headers of mailing-list bounces reach 150 KB (the corpus's <c>stack-overflow.txt</c> has a
    /// 135 KB <c>To:</c>), so the cap sits above that; longer values are cut for decoding only.
    /// </remarks>
    public int MaxHeaderFieldLength
    {
        get;
        init => field = Positive(value);
    } = 256 * 1024;

    /// <summary>How many parts (leaves, multiparts and embedded messages) one message may have. Default 10,000.</summary>
    /// <remarks>
    /// A multipart of empty parts costs a few bytes of input per part but an object each to represent.
    /// Real mail with thousands of parts is unheard of; digests of a few hundred messages fit easily.
    /// </remarks>
    public int MaxPartCount
    {
        get;
        init => field = Positive(value);
    } = 10_000;

    /// <summary>The largest message <see cref="MimeMessage.LoadAsync"/> reads into memory or maps from a file. Default 512 MiB.</summary>
    /// <remarks>
    /// Mail systems cap messages at 25–150 MB (Gmail 25 MB, Exchange Online 150 MB); base64 grows
    /// attachments by a third. 512 MiB leaves headroom while keeping one message in one buffer.
    /// </remarks>
    public int MaxMessageSize
    {
        get;
        init => field = Positive(value);
    } = 512 * 1024 * 1024;

    /// <summary>The most bytes <see cref="MimeMessage.ReadHeadersAsync"/> reads looking for the end of a header. Default 1 MiB.</summary>
    /// <remarks>Four times the field-length cap: room for one huge field and ordinary ones around it.</remarks>
    public int MaxHeaderBlockSize
    {
        get;
        init => field = Positive(value);
    } = 1024 * 1024;

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
