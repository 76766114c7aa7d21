using System.Xml.Linq;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Mail;

/// <summary>The codec's element tree as LINQ to XML, the form the MIME library's <c>&lt;EMail&gt;</c> reader takes.</summary>
internal static class EmailElements
{
    /// <summary>
    /// Copies names (without prefixes: the EMail form has no namespaces), attributes (not namespace
    /// declarations), text and children. The codec has already bounded depth and size (docs/ximss.md §3).
    /// </summary>
    public static XElement ToXElement(XimssElement element)
    {
        var copy = new XElement(LocalName(element.Name));
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Name != "xmlns" && !attribute.Name.StartsWith("xmlns:", StringComparison.Ordinal))
                copy.SetAttributeValue(LocalName(attribute.Name), attribute.Value);
        }
        if (element.Text.Length > 0)
            copy.Add(new XText(element.Text));
        foreach (var child in element.Children)
            copy.Add(ToXElement(child));
        return copy;
    }

    private static string LocalName(string name) => name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
