using System.Text;
using System.Xml;
using Postern.Mime.Xml;

namespace Postern.Mime.Tests.Xml;

/// <summary>Writes EMail XML to a string for tests.</summary>
internal static class EmailXml
{
    public static string Write(MimeMessage message, EmailXmlOptions? options = null)
    {
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineChars = "\n" }))
        {
            EmailXmlWriter.Write(message, writer, options);
        }

        return sb.Append('\n').ToString();
    }
}
