using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Postern.Ximss.Protocol.Xml;

/// <summary>
/// The <c>&lt;XIMSS&gt;</c> element of an HTTP-binding request body: zero or more requests, in the order
/// they must run (seed, "HTTP Binding"; docs/ximss.md §2).
/// </summary>
public sealed class XimssContainer
{
    /// <summary>The root element name (matched ignoring case).</summary>
    public const string ElementName = "XIMSS";

    private XimssContainer(XimssElement element, long? requestSequence)
    {
        Element = element;
        RequestSequence = requestSequence;
    }

    /// <summary>The root element, attributes included.</summary>
    public XimssElement Element { get; }

    /// <summary>The requests, in body order.</summary>
    public ImmutableArray<XimssElement> Requests => Element.Children;

    /// <summary>
    /// A <c>reqSeq</c> attribute on the root (<c>&lt;XIMSS reqSeq="7"&gt;</c>), which one client reports CGP
    /// accepting as an alternative to the URL parameter (docs/ximss.md §2); null when absent.
    /// </summary>
    public long? RequestSequence { get; }

    /// <summary>Parses a request body; the root must be <c>&lt;XIMSS&gt;</c>.</summary>
    public static bool TryParse(
        in ReadOnlySequence<byte> body,
        [NotNullWhen(true)] out XimssContainer? container,
        [NotNullWhen(false)] out XimssError? error,
        XimssLimits? limits = null)
    {
        container = null;
        if (!XimssXmlParser.TryParse(body, out var root, out error, limits))
            return false;

        if (!root.NameIs(ElementName))
        {
            error = XimssError.XmlSyntax($"the body must be one <{ElementName}> element, not <{root.Name}>");
            return false;
        }

        long? sequence = null;
        if (root.FindAttribute("reqSeq") is { } text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                error = XimssError.InvalidAttribute("reqSeq", "expected a number");
                return false;
            }

            sequence = value;
        }

        container = new XimssContainer(root, sequence);
        return true;
    }
}
