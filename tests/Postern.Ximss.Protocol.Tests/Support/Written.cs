using System.Buffers;
using System.Text;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Tests.Support;

/// <summary>Runs writer calls into a fresh buffer and returns the UTF-8 text.</summary>
internal static class Written
{
    public static string Text(Action<XimssXmlWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new XimssXmlWriter(buffer));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static XimssElement Parse(string xml)
    {
        Assert.True(XimssXmlParser.TryParse(xml, out var element, out var error), error?.Text);
        return element;
    }
}
