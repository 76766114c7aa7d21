using System.Globalization;
using System.Text;

namespace Postern.Ximss.Protocol.Tests.Support;

/// <summary>Turns test-data notation into bytes: <c>\0</c>, <c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\\</c> and <c>\xHH</c> escapes in UTF-8 text.</summary>
internal static class WireText
{
    public static byte[] Decode(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                var end = i + (char.IsHighSurrogate(text[i]) ? 2 : 1);
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i..end]));
                i = end - 1;
                continue;
            }

            var escape = text[++i];
            switch (escape)
            {
                case '0': bytes.Add(0); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case 'x':
                    bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: throw new FormatException($"Unknown escape \\{escape} in test data.");
            }
        }

        return bytes.ToArray();
    }
}
