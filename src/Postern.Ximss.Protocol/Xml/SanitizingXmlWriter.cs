using System.Text;
using System.Xml;

namespace Postern.Ximss.Protocol.Xml;

/// <summary>
/// Wraps an <see cref="XmlWriter"/> so that text it is given follows Postern's rule for characters XML 1.0
/// forbids (replace with U+FFFD) instead of throwing or writing an unreadable document.
/// </summary>
internal sealed class SanitizingXmlWriter(XmlWriter inner) : XmlWriter
{
    /// <summary>A UTF-8 fragment with no declaration; character checks are ours, so the inner writer's are off.</summary>
    public static XmlWriterSettings FragmentSettings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
        CheckCharacters = false,
        CloseOutput = false,
    };

    public override WriteState WriteState => inner.WriteState;

    public override void Flush() => inner.Flush();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

    public override void WriteCData(string? text) => inner.WriteCData(Clean(text));

    public override void WriteCharEntity(char ch) => inner.WriteCharEntity(XmlCharacters.IsIllegal(ch) || char.IsSurrogate(ch) ? XmlCharacters.Replacement : ch);

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteComment(string? text) => inner.WriteComment(Clean(text));

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) =>
        throw new InvalidOperationException("XIMSS messages carry no DTD.");

    public override void WriteEndAttribute() => inner.WriteEndAttribute();

    public override void WriteEndDocument() => inner.WriteEndDocument();

    public override void WriteEndElement() => inner.WriteEndElement();

    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

    public override void WriteFullEndElement() => inner.WriteFullEndElement();

    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, Clean(text));

    public override void WriteRaw(char[] buffer, int index, int count) => inner.WriteRaw(buffer, index, count);

    public override void WriteRaw(string data) => inner.WriteRaw(data);

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);

    public override void WriteStartDocument() => inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);

    public override void WriteString(string? text) => inner.WriteString(Clean(text));

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    private static string? Clean(string? text) => text is null ? null : XmlCharacters.Sanitize(text);
}
