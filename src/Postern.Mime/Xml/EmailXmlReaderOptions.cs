using System.Xml.Linq;
using Postern.Mime.Writing;

namespace Postern.Mime.Xml;

/// <summary>How <see cref="EmailXmlReader"/> turns a client's <c>&lt;EMail&gt;</c> into a message.</summary>
public sealed record EmailXmlReaderOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static EmailXmlReaderOptions Default { get; } = new();

    /// <summary>
    /// Finds a File Storage file named by <c>&lt;MIME type="attachment" fileName="…"&gt;</c>; null when it does
    /// not exist. Without a resolver such attachments are refused.
    /// </summary>
    public Func<string, StoredFile?>? ResolveStoredFile { get; init; }

    /// <summary>
    /// Gives the content of a <c>&lt;MIME&gt;</c> element that refers to content held elsewhere (a file the
    /// client uploaded, a part of a stored message) as a part, or null when the element carries its content
    /// itself. The element's <c>Type-*</c>, <c>Disposition-*</c>, <c>disposition</c>, <c>contentID</c> and
    /// <c>description</c> attributes still apply to the part returned. Null reads every element itself.
    /// </summary>
    public Func<XElement, ComposedPart?>? ResolveReference { get; init; }

    /// <summary>
    /// Turns a text part given as XML (a <c>vCard</c>, <c>iCalendar</c> or <c>vCardGroup</c> child of
    /// <c>&lt;MIME&gt;</c>) into its text form; null refuses such parts.
    /// </summary>
    public Func<XElement, string>? StructuredContentReader { get; init; }

    /// <summary>Nesting and part-count caps (the same as for parsing).</summary>
    public MimeLimits Limits { get; init; } = MimeLimits.Default;

    /// <summary>The offset of dates the client wrote in local compact form (<c>yyyyMMddTHHmmss</c>).</summary>
    public TimeSpan LocalOffset { get; init; }
}
