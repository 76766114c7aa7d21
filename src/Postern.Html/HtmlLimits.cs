namespace Postern.Html;

/// <summary>
/// Caps on the work one conversion may do with a message part, which the sender controls. Every cap is on
/// by default; reaching one truncates or drops content, it never throws.
/// </summary>
public sealed class HtmlLimits
{
    /// <summary>The defaults.</summary>
    public static HtmlLimits Default { get; } = new();

    /// <summary>
    /// The longest markup read, in characters; the rest is cut off and the result marked truncated.
    /// Default 4 Mi: Gmail clips HTML bodies at about 100 KB and a large newsletter is 50–200 KB, so 4 Mi keeps
    /// every real message whole while bounding the parse (about 50 ms per MiB here).
    /// </summary>
    public int MaxInputChars { get; init => field = Positive(value, nameof(MaxInputChars)); } = 4 * 1024 * 1024;

    /// <summary>
    /// The most characters of output. Default 8 Mi: escaping can grow text (a <c>&lt;</c> becomes four
    /// characters), so twice the input cap leaves room for any input that fits it.
    /// </summary>
    public int MaxOutputChars { get; init => field = Positive(value, nameof(MaxOutputChars)); } = 8 * 1024 * 1024;

    /// <summary>
    /// How deep elements may nest; the parse stops at the first element deeper than this. Default 256: real
    /// mail nests under 60 (tables in tables, a long chain of quoted replies adds about five levels per reply);
    /// browsers cap the tree at 512 and the page around the message needs a few levels of its own. The cap also
    /// bounds the parser's stack of open elements, whose scans make deep nesting cost quadratic time.
    /// </summary>
    public int MaxNestingDepth { get; init => field = Positive(value, nameof(MaxNestingDepth)); } = 256;

    /// <summary>
    /// The most elements the parser may create, counting those it re-creates for misnested formatting tags;
    /// the parse stops there. Default 100,000: a 50 KB newsletter has about 450 elements and a 1 MiB one about
    /// 10,000 (measured on the test samples), while a few kilobytes of crafted misnesting
    /// (<c>&lt;p&gt;&lt;b id=1&gt;…</c>) make the HTML algorithm create millions.
    /// </summary>
    public int MaxElements { get; init => field = Positive(value, nameof(MaxElements)); } = 100_000;

    /// <summary>
    /// The most attributes looked at on one element; later ones are dropped. Default 64: the allow-list has
    /// fewer than 30 per element, so more can only be padding.
    /// </summary>
    public int MaxAttributesPerElement { get; init => field = Positive(value, nameof(MaxAttributesPerElement)); } = 64;

    /// <summary>
    /// The longest attribute value kept (URLs and inline <c>style</c> included); longer ones are dropped.
    /// Default 8 Ki: newsletter tracking links run to 2 KB, and 8 KiB is the request-line limit common web
    /// servers apply (Apache's LimitRequestLine is 8190).
    /// </summary>
    public int MaxAttributeValueChars { get; init => field = Positive(value, nameof(MaxAttributeValueChars)); } = 8 * 1024;

    /// <summary>
    /// The longest <c>data:image/…</c> URL kept in an image source. Default 1 Mi: base64 of a 750 KB picture,
    /// larger than senders embed inline (they attach big pictures as parts).
    /// </summary>
    public int MaxDataUrlChars { get; init => field = Positive(value, nameof(MaxDataUrlChars)); } = 1024 * 1024;

    /// <summary>
    /// The most characters of CSS read from all <c>&lt;style&gt;</c> elements together; the rest is ignored.
    /// Default 512 Ki: inlined newsletter styles are 5–50 KB.
    /// </summary>
    public int MaxStyleSheetChars { get; init => field = Positive(value, nameof(MaxStyleSheetChars)); } = 512 * 1024;

    /// <summary>
    /// How deep CSS blocks, functions and at-rules may nest; deeper CSS is dropped. Default 16: real style sheets
    /// nest <c>@media</c> → rule → <c>rgb()</c>, three or four levels; the cap keeps the recursive CSS
    /// sanitiser off the stack limit.
    /// </summary>
    public int MaxCssNestingDepth { get; init => field = Positive(value, nameof(MaxCssNestingDepth)); } = 16;

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
}
