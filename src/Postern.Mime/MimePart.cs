using Postern.Mime.Encodings;
using Postern.Mime.Headers;

namespace Postern.Mime;

/// <summary>
/// One node of a message's part tree: a leaf, a multipart with children, or a message/rfc822 part with
/// an embedded message. Immutable; it holds offsets into the parsed buffer and decodes on demand.
/// </summary>
public sealed partial class MimePart
{
    private readonly ReadOnlyMemory<byte> _source;
    /// <summary>Stands for "no Content-Disposition field" in the lazily filled <see cref="_disposition"/>.</summary>
    private static readonly ContentDisposition s_noDisposition = new("none");

    // Lazily computed values; each is one reference or int, so concurrent readers see either nothing or the value.
    private ContentDisposition? _disposition;
    private string? _partId;
    private int _relatedRootIndex = -1;

    internal MimePart(ReadOnlyMemory<byte> source, HeaderList headers, int offset, int bodyOffset,
        ContentType contentType, ContentTransferEncoding transferEncoding, int depth)
    {
        _source = source;
        Headers = headers;
        Offset = offset;
        BodyOffset = bodyOffset;
        EndOffset = bodyOffset;
        ContentType = contentType;
        TransferEncoding = transferEncoding;
        Depth = depth;
        PreambleEnd = bodyOffset;
        EpilogueStart = bodyOffset;
    }

    /// <summary>The buffer the offsets refer to (the whole parsed input, or a decoded embedded message).</summary>
    public ReadOnlyMemory<byte> Source => _source;

    /// <summary>Offset of the part's first header field (or of its body when it has no header).</summary>
    public int Offset { get; }

    /// <summary>Offset of the body, just after the empty line that ends the header block.</summary>
    public int BodyOffset { get; }

    /// <summary>End of the part (the line break before the next delimiter line is not part of it).</summary>
    public int EndOffset { get; internal set; }

    /// <summary>The part's header fields (for a message body, the message header).</summary>
    public HeaderList Headers { get; }

    /// <summary>The Content-Type, or the default when absent (RFC 2045 §5.2; message/rfc822 inside a digest).</summary>
    public ContentType ContentType { get; }

    /// <summary>The Content-Transfer-Encoding.</summary>
    public ContentTransferEncoding TransferEncoding { get; }

    /// <summary>Nesting depth: 0 for a message's body, one more per multipart or embedded message above.</summary>
    public int Depth { get; }

    /// <summary>The multipart this part is a child of, or null (a message body).</summary>
    public MimePart? Parent { get; internal set; }

    /// <summary>The part's position among its parent's children, from 0.</summary>
    public int Index { get; internal set; }

    /// <summary>The children of a multipart, in order; empty for other parts.</summary>
    public IReadOnlyList<MimePart> Children { get; private set; } = [];

    /// <summary>The embedded message of a message/rfc822 (or message/global) part; null otherwise.</summary>
    public MimeMessage? Message { get; internal set; }

    /// <summary>Problems found in this part's header and structure.</summary>
    public IReadOnlyList<MimeDefect> Defects { get; internal set; } = [];

    /// <summary>
    /// The CommuniGate part ID: "" for a message body, <c>01</c>, <c>02</c>… for a multipart's children,
    /// <c>02-01</c>… below; see docs/mime.md for embedded messages.
    /// </summary>
    public string PartId => _partId ??= ComputePartId();

    /// <summary>Whether the Content-Type is multipart/* (it has children unless its boundary was missing).</summary>
    public bool IsMultipart => ContentType.MediaType == "multipart";

    /// <summary>Whether the Content-Type is text/*.</summary>
    public bool IsText => ContentType.MediaType == "text";

    /// <summary>The raw part: header block and body.</summary>
    public ReadOnlyMemory<byte> RawPart => _source[Offset..EndOffset];

    /// <summary>The raw body, still transfer-encoded.</summary>
    public ReadOnlyMemory<byte> RawBody => _source[BodyOffset..EndOffset];

    /// <summary>A multipart's preamble: the text before its first delimiter line.</summary>
    public ReadOnlyMemory<byte> Preamble => _source[BodyOffset..PreambleEnd];

    /// <summary>A multipart's epilogue: the text after its close-delimiter line.</summary>
    public ReadOnlyMemory<byte> Epilogue => _source[EpilogueStart..EndOffset];

    /// <summary>The Content-Disposition, or null when absent.</summary>
    public ContentDisposition? ContentDisposition
    {
        get
        {
            _disposition ??= Headers.TryGet("Content-Disposition", out var header) ? ContentDisposition.Parse(header.RawValue.Span) : s_noDisposition;
            return ReferenceEquals(_disposition, s_noDisposition) ? null : _disposition;
        }
    }

    /// <summary>The <c>charset</c> parameter of the Content-Type, or null.</summary>
    public string? Charset => ContentType.Charset;

    /// <summary>The file name: Content-Disposition <c>filename</c>, else Content-Type <c>name</c>; decoded, or null.</summary>
    public string? FileName
    {
        get
        {
            var name = ContentDisposition?.FileName ?? ContentType.Name;
            return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        }
    }

    /// <summary>The Content-ID without angle brackets (RFC 2045 §7), or null.</summary>
    public string? ContentId => Headers.TryGet("Content-ID", out var header) ? MessageIds.ParseFirst(header.RawValue.Span) : null;

    /// <summary>The Content-Description (RFC 2045 §8), decoded, or null.</summary>
    public string? ContentDescription => Headers.GetText("Content-Description");

    /// <summary>The Content-Location (RFC 2557 §4.2), unfolded, or null.</summary>
    public string? ContentLocation => Headers.GetText("Content-Location")?.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>
    /// Whether a reader would call this part an attachment: a part with disposition <c>attachment</c>,
    /// a forwarded message, a non-text leaf other than a delivery or disposition report, or a text part
    /// with a file name that is not inline. Not:
    /// multiparts, signatures of multipart/signed, the control part of multipart/encrypted, the
    /// non-root parts of multipart/related (inline resources) and the alternatives of multipart/alternative.
    /// </summary>
    public bool IsAttachment
    {
        get
        {
            if (IsMultipart || IsSignatureOrControlPart)
            {
                return false;
            }

            var disposition = ContentDisposition;
            if (disposition?.IsAttachment == true)
            {
                return true;
            }

            if (Parent?.ContentType.Is("multipart", "related") == true && Index != Parent.RelatedRootIndex())
            {
                return false;
            }

            if (Parent?.ContentType.Is("multipart", "alternative") == true)
            {
                return false;
            }

            if (ContentType.MediaType == "message" && ContentType.MediaSubtype is "rfc822" or "global" or "partial")
            {
                return true;   // a forwarded or returned message
            }

            if (ContentType.MediaType == "message")
            {
                return false;   // message/delivery-status, message/disposition-notification: reports, shown inline
            }

            return !IsText || (FileName is not null && disposition?.IsInline != true);
        }
    }

    /// <summary>A signature in multipart/signed (RFC 1847 §2.1) or the control part of multipart/encrypted (§2.2).</summary>
    private bool IsSignatureOrControlPart =>
        (Parent?.ContentType.Is("multipart", "signed") == true && Index == 1)
        || (Parent?.ContentType.Is("multipart", "encrypted") == true && Index == 0)
        || ContentType.Is("application", "pgp-signature") || ContentType.Is("application", "pkcs7-signature")
        || ContentType.Is("application", "x-pkcs7-signature");

    internal int PreambleEnd { get; private set; }

    internal int EpilogueStart { get; private set; }

    /// <summary>The message/rfc822 part whose embedded message this part is the body of.</summary>
    internal MimePart? EnclosingMessagePart { get; set; }

    /// <summary>This part and every part below it, depth first, embedded messages included.</summary>
    public IEnumerable<MimePart> EnumerateSelfAndDescendants()
    {
        var stack = new Stack<MimePart>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var part = stack.Pop();
            yield return part;
            if (part.Message is not null)
            {
                stack.Push(part.Message.Body);
            }

            for (var i = part.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(part.Children[i]);
            }
        }
    }

    /// <summary>
    /// The root of a multipart/related (RFC 2387 §3.2): the child named by <c>start</c>, else the first child of
    /// the <c>type</c> given, else the first child.
    /// </summary>
    internal int RelatedRootIndex()
    {
        if (_relatedRootIndex < 0)
        {
            _relatedRootIndex = FindRelatedRoot();
        }

        return _relatedRootIndex;
    }

    private int FindRelatedRoot()
    {
        var start = ContentType.Parameters["start"]?.Trim().Trim('<', '>');
        var type = ContentType.Parameters["type"];
        for (var i = 0; i < Children.Count && start is not null; i++)
        {
            if (Children[i].ContentId == start)
            {
                return i;
            }
        }

        for (var i = 0; i < Children.Count && type is not null; i++)
        {
            if (string.Equals(Children[i].ContentType.MimeType, type, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>Sets a multipart's children and the ends of its preamble and epilogue (call after <see cref="EndOffset"/>).</summary>
    internal void SetMultipart(MimePart[] children, int preambleEnd, int epilogueStart)
    {
        Children = children;
        PreambleEnd = preambleEnd;
        EpilogueStart = epilogueStart;
    }

    private string ComputePartId()
    {
        if (Parent is not null)
        {
            var prefix = Parent.PartId;
            var number = (Index + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            return prefix.Length == 0 ? number : prefix + "-" + number;
        }

        if (EnclosingMessagePart is not null)
        {
            // The body of an embedded message: a multipart shares the message part's ID (its children are
            // numbered under it); a single part gets "-01" so it can be told apart from the message part.
            var id = EnclosingMessagePart.PartId;
            return IsMultipart && Children.Count > 0 ? id : (id.Length == 0 ? "01" : id + "-01");
        }

        return "";
    }
}
