using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace Postern.Ximss.Protocol.Xml;

/// <summary>One XML element of a XIMSS message: name, attributes, child elements and text. Immutable.</summary>
/// <remarks>
/// <see cref="Text"/> is the concatenated character data directly inside the element. When an element
/// has child elements, whitespace-only text between them is dropped (it is indentation, not data);
/// an element without children keeps its text exactly, whitespace included. Mixed content keeps its
/// text but not where it stood among the children; <see cref="WriteTo"/> writes the text first.
/// Lookups come in two kinds: exact (<see cref="GetAttribute"/>) and lenient
/// (<see cref="FindAttribute"/>, <see cref="FindChild"/>), which match names case-insensitively because
/// real clients spell names differently (<c>&lt;uid&gt;</c> vs <c>&lt;UID&gt;</c>, docs/ximss.md §4).
/// </remarks>
public sealed class XimssElement
{
    /// <summary>Creates an element; <paramref name="text"/> is character data (it is escaped when written).</summary>
    public XimssElement(
        string name,
        ImmutableArray<XimssAttribute> attributes = default,
        ImmutableArray<XimssElement> children = default,
        string text = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(text);
        Name = name;
        Attributes = attributes.IsDefault ? [] : attributes;
        Children = children.IsDefault ? [] : children;
        Text = text;
    }

    /// <summary>The element name as written (qualified, with its prefix if any).</summary>
    public string Name { get; }

    /// <summary>The attributes in document order, namespace declarations included.</summary>
    public ImmutableArray<XimssAttribute> Attributes { get; }

    /// <summary>The child elements in document order.</summary>
    public ImmutableArray<XimssElement> Children { get; }

    /// <summary>The character data directly inside this element.</summary>
    public string Text { get; }

    /// <summary>True when the element's name equals <paramref name="name"/>, ignoring case.</summary>
    public bool NameIs(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of the attribute named exactly <paramref name="name"/>, or null.</summary>
    public string? GetAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
                return attribute.Value;
        }

        return null;
    }

    /// <summary>The value of the attribute named <paramref name="name"/>; an exact match wins over one that differs only in case.</summary>
    public string? FindAttribute(string name)
    {
        string? caseInsensitiveMatch = null;
        foreach (var attribute in Attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
                return attribute.Value;
            if (caseInsensitiveMatch is null && string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
                caseInsensitiveMatch = attribute.Value;
        }

        return caseInsensitiveMatch;
    }

    /// <summary>The first child whose name equals <paramref name="name"/> ignoring case, or null.</summary>
    public XimssElement? FindChild(string name)
    {
        foreach (var child in Children)
        {
            if (child.NameIs(name))
                return child;
        }

        return null;
    }

    /// <summary>The children whose name equals <paramref name="name"/> ignoring case, in document order.</summary>
    public IEnumerable<XimssElement> FindChildren(string name)
    {
        foreach (var child in Children)
        {
            if (child.NameIs(name))
                yield return child;
        }
    }

    /// <summary>Writes this element and everything inside it.</summary>
    public void WriteTo(XimssXmlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartElement(Name);
        foreach (var attribute in Attributes)
            writer.WriteAttribute(attribute.Name, attribute.Value);
        if (Text.Length > 0)
            writer.WriteString(Text);
        foreach (var child in Children)
            child.WriteTo(writer);
        writer.WriteEndElement();
    }

    /// <summary>The element as XML text (for diagnostics and tests).</summary>
    public override string ToString()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(new XimssXmlWriter(buffer));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
