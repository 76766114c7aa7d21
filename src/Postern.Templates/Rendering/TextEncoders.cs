using System.Buffers;
using System.Text;
using Postern.Data;

namespace Postern.Templates.Rendering;

/// <summary>HTML escaping, URL encoding and SUBST substitution into a <see cref="TemplateOutput"/>.</summary>
internal static class TextEncoders
{
    private static readonly SearchValues<char> s_htmlSpecials = SearchValues.Create("&<>\"'");

    /// <summary>RFC 3986 §2.3 unreserved characters, which URL: leaves as they are.</summary>
    private static readonly SearchValues<char> s_unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    public static void WriteHtml(ReadOnlySpan<char> text, TemplateOutput output)
    {
        while (true)
        {
            var special = text.IndexOfAny(s_htmlSpecials);
            if (special < 0)
            {
                output.Write(text);
                return;
            }
            output.Write(text[..special]);
            output.Write(text[special] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(special + 1)..];
        }
    }

    public static void WriteHtml(DataValue? value, TemplateOutput output)
    {
        switch (value)
        {
            case DataString s:
                WriteHtml(s.Value, output);
                break;
            case DataNumber or DataTimestamp or null:
                ValueSemantics.Write(value, output);
                break;
            default:
                WriteHtml(ValueSemantics.TextOf(value), output);
                break;
        }
    }

    public static void WriteUrl(string text, TemplateOutput output)
    {
        var span = text.AsSpan();
        if (!span.ContainsAnyExcept(s_unreserved))
        {
            output.Write(span);
            return;
        }
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (s_unreserved.Contains(c))
            {
                output.Write(c);
                continue;
            }
            int length;
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                length = new Rune(c, span[i + 1]).EncodeToUtf8(utf8);
                i++;
            }
            else
            {
                length = (Rune.TryCreate(c, out var rune) ? rune : Rune.ReplacementChar).EncodeToUtf8(utf8);
            }
            for (var b = 0; b < length; b++)
            {
                output.Write('%');
                output.Write("0123456789ABCDEF"[utf8[b] >> 4]);
                output.Write("0123456789ABCDEF"[utf8[b] & 0xF]);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="format"/> with <c>^0</c> … <c>^9</c> replaced by the arguments: the elements of
    /// an array argument, or the single value as <c>^0</c>. A <c>^</c> not followed by a digit is written as
    /// it is; a placeholder with no argument is left empty. The format itself is not escaped (it comes from
    /// the skin's own Text Dataset and may contain markup).
    /// </summary>
    public static void WriteSubstituted(string format, DataValue? arguments, bool escape, TemplateOutput output)
    {
        var span = format.AsSpan();
        while (true)
        {
            var caret = span.IndexOf('^');
            if (caret < 0 || caret + 1 >= span.Length)
            {
                output.Write(span);
                return;
            }
            output.Write(span[..caret]);
            var digit = span[caret + 1];
            if (!char.IsAsciiDigit(digit))
            {
                output.Write('^');
                span = span[(caret + 1)..];
                continue;
            }
            var argument = Argument(arguments, digit - '0');
            if (escape)
                WriteHtml(argument, output);
            else
                ValueSemantics.Write(argument, output);
            span = span[(caret + 2)..];
        }
    }

    private static DataValue? Argument(DataValue? arguments, int index) => arguments switch
    {
        DataArray array => index < array.Count ? ValueSemantics.Normalize(array[index]) : null,
        _ => index == 0 ? arguments : null,
    };
}
