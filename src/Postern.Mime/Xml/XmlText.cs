using System.Text;
using System.Xml;

namespace Postern.Mime.Xml;

/// <summary>Keeps mail text and field names within what XML allows.</summary>
internal static class XmlText
{
    /// <summary>The text without the characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF).</summary>
    public static string Clean(string text)
    {
        var i = 0;
        while (i < text.Length && IsAllowedAt(text, i, out var width))
        {
            i += width;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        while (i < text.Length)
        {
            if (IsAllowedAt(text, i, out var width))
            {
                sb.Append(text, i, width);
            }

            i += Math.Max(width, 1);
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="name"/> can be an element or attribute name (an XML NCName).</summary>
    public static bool IsName(string name)
    {
        if (name.Length == 0 || !XmlConvert.IsStartNCNameChar(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!XmlConvert.IsNCNameChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllowedAt(string text, int i, out int width)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return true;
        }

        width = 1;
        return XmlConvert.IsXmlChar(c);
    }
}
