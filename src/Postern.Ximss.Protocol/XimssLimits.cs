namespace Postern.Ximss.Protocol;

/// <summary>Caps on everything a XIMSS client can make the codec allocate or compute.</summary>
/// <remarks>
/// Every limit is on by default and says where its number comes from. Setters validate, so a bad
/// configuration fails at start-up rather than on the first request.
/// </remarks>
public sealed class XimssLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static XimssLimits Default { get; } = new();

    /// <summary>Largest frame (the bytes before the terminating zero byte), and largest HTTP <c>&lt;XIMSS&gt;</c> body.</summary>
    /// <remarks>
    /// 4 MiB. The largest legitimate frames are <c>messageSubmit</c>/<c>messageAppend</c> with inline
    /// text parts (docs/ximss.md §7.6); attachments travel through the session's <c>/UPLOAD/</c> resource, not
    /// through frames (docs/ximss.md §2). Kestrel's 30 MB body default is sized for uploads, which frames are not.
    /// </remarks>
    public int MaxFrameBytes { get; init => field = Positive(value); } = 4 * 1024 * 1024;

    /// <summary>Deepest element nesting in one frame.</summary>
    /// <remarks>
    /// 64. The deepest real request is <c>messageSubmit</c>: request → EMail → MIME parts nested a few
    /// levels (docs/ximss.md §7.6). 64 leaves ample room while bounding the parser's stack of open elements.
    /// </remarks>
    public int MaxElementDepth { get; init => field = Positive(value); } = 64;

    /// <summary>Most elements in one frame.</summary>
    /// <remarks>
    /// 100,000. Enough for a <c>messageMark</c> listing every UID of a 100,000-message folder one
    /// <c>&lt;UID&gt;</c> at a time; it bounds memory to roughly 10 MB of element objects per frame.
    /// </remarks>
    public int MaxElementCount { get; init => field = Positive(value); } = 100_000;

    /// <summary>Most attributes on one element.</summary>
    /// <remarks>
    /// 128. The widest elements CGP defines carry a few dozen (a <c>&lt;MIME&gt;</c> with its
    /// <c>Type-*</c>/<c>Disposition-*</c> parameters; mailbox info, docs/ximss.md §7.4).
    /// </remarks>
    public int MaxAttributesPerElement { get; init => field = Positive(value); } = 128;

    /// <summary>Most messages one <c>folderBrowse</c> index range may ask for.</summary>
    /// <remarks>
    /// 10,000. Clients page through folders (Samoware and the official library ask for 50–100 rows
    /// at a time, docs/ximss.md §5.4); 10,000 reports is already several megabytes of response.
    /// </remarks>
    public int MaxBrowseRange { get; init => field = Positive(value); } = 10_000;

    /// <summary>Most <c>&lt;field&gt;</c> names one <c>folderOpen</c> may request.</summary>
    /// <remarks>64. Samoware, the most demanding client seen, asks for 15 (docs/ximss.md §5.4).</remarks>
    public int MaxFolderFields { get; init => field = Positive(value); } = 64;

    /// <summary>Longest mailbox pattern (<c>mailboxList</c>/<c>mailboxSubList</c> <c>filter</c>).</summary>
    /// <remarks>
    /// 1,024 characters: longer than any mailbox path, and it keeps the pattern matcher's
    /// pattern-by-name table small (matching is O(pattern × name)).
    /// </remarks>
    public int MaxPatternLength { get; init => field = Positive(value); } = 1024;

    /// <summary>Deepest nesting of <c>NOT</c>/<c>OR</c>/parentheses in a <c>folderSearch</c> filter.</summary>
    /// <remarks>32: real clients nest two or three levels; the cap bounds the recursive parser's stack.</remarks>
    public int MaxSearchDepth { get; init => field = Positive(value); } = 32;

    /// <summary>Most flags and keywords in one <c>flags</c> attribute.</summary>
    /// <remarks>64: the CGP vocabulary has 15 flags with their negations (docs/ximss.md §5.5) plus a few custom keywords.</remarks>
    public int MaxFlagsPerRequest { get; init => field = Positive(value); } = 64;

    /// <summary>Longest custom keyword.</summary>
    /// <remarks>50 characters, Dovecot's <c>mail_max_keyword_length</c> default, so keywords survive an IMAP migration.</remarks>
    public int MaxKeywordLength { get; init => field = Positive(value); } = 50;

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        return value;
    }
}
