using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>Writers for the <c>&lt;XIMSS&gt;</c> element that wraps messages in HTTP-binding replies (seed, "HTTP Binding").</summary>
public static class HttpContainerWriter
{
    /// <summary>
    /// Opens <c>&lt;XIMSS&gt;</c>, with <c>respSeq</c> for a batch of asynchronous messages (the long-poll
    /// channel numbers its batches 1, 2, 3…); write the messages, then <see cref="XimssXmlWriter.WriteEndElement"/>.
    /// </summary>
    public static void WriteStartContainer(this XimssXmlWriter writer, long? respSeq = null)
    {
        writer.WriteStartElement(XimssContainer.ElementName);
        writer.WriteAttribute("respSeq", respSeq);
    }

    /// <summary><c>&lt;XIMSS/&gt;</c> with no attributes: a long poll that found nothing (seed).</summary>
    public static void WriteEmptyContainer(this XimssXmlWriter writer) => writer.WriteEmptyElement(XimssContainer.ElementName);
}
