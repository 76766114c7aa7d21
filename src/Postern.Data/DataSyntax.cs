using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Postern.Data;

/// <summary>
/// The lexical rules of the CommuniGate text format that other readers share: atoms and quoted strings
/// with their escapes (WSSP and CG/PL string constants use the same escapes).
/// </summary>
public static class DataSyntax
{
    /// <summary>
    /// Whether the reader accepts <paramref name="c"/> inside an unquoted atom. CommuniGate documents atoms as
    /// letters and digits, but its own files leave <c>.</c>, <c>-</c>, <c>_</c> and <c>@</c> unquoted
    /// (<c>utf-8</c>, <c>A-crpt</c>), and its Perl CLI module reads further punctuation and any non-ASCII
    /// character as part of a word; the reader is as liberal.
    /// </summary>
    public static bool IsAtomChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c >= 0x80 || c switch
        {
            '-' or '_' or '.' or '@' or '!' or '%' or ':' or '#' or '*' or '+' or '\'' or '?' or '$' or '&'
                or '~' or '^' or '|' or '/' => true,
            _ => false,
        };

    /// <summary>
    /// Whether the writer may leave <paramref name="text"/> unquoted: CommuniGate's own rule as seen in its
    /// files — ASCII letters, digits, <c>.</c>, <c>-</c>, <c>_</c>, <c>@</c>, not empty and not starting
    /// with <c>-</c> (so <c>"-1"</c> is not mistaken for a number).
    /// </summary>
    public static bool CanWriteAsAtom(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] == '-')
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_' or '@'))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Reads one quoted string starting at the quotation mark at <paramref name="position"/>, and moves
    /// <paramref name="position"/> past the closing mark. Adjacent strings are not joined here.
    /// </summary>
    /// <remarks>
    /// Escapes (CommuniGate "Data Formats", Strings): <c>\"</c>, <c>\\</c>, <c>\r</c>, <c>\n</c>, <c>\t</c>,
    /// <c>\e</c> (end of line, read as LF), <c>\nnn</c> (three decimal digits, a byte; runs of such bytes
    /// are decoded as UTF-8, or byte by byte when they are not valid UTF-8) and <c>\u'XXXX'</c> (a Unicode
    /// code point in hexadecimal). A line break inside the quotes is kept as it is.
    /// </remarks>
    public static bool TryReadQuotedString(string text, ref int position, [NotNullWhen(true)] out string? value, out DataSyntaxError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = position;
        if (start >= text.Length || text[start] != '"')
            throw new ArgumentException("The position must be at a quotation mark.", nameof(position));

        var i = start + 1;
        // Fast path: no escapes.
        var close = text.AsSpan(i).IndexOfAny('"', '\\');
        if (close >= 0 && text[i + close] == '"')
        {
            value = text.Substring(i, close);
            position = i + close + 1;
            error = default;
            return true;
        }

        var builder = new StringBuilder();
        List<byte>? bytes = null;
        while (true)
        {
            if (i >= text.Length)
                return Fail(out value, out error, "The quoted string has no closing quotation mark.", start);
            var c = text[i];
            if (c == '"')
            {
                FlushBytes(builder, bytes);
                value = builder.ToString();
                position = i + 1;
                error = default;
                return true;
            }
            if (c != '\\')
            {
                FlushBytes(builder, bytes);
                builder.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.Length)
                return Fail(out value, out error, "The quoted string has no closing quotation mark.", start);
            var escape = text[i + 1];
            if (char.IsAsciiDigit(escape))
            {
                if (i + 3 >= text.Length || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
                    return Fail(out value, out error, "A \\nnn escape needs three decimal digits.", i);
                var code = ((escape - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                if (code > 255)
                    return Fail(out value, out error, "A \\nnn escape is a byte code, 000 to 255.", i);
                (bytes ??= []).Add((byte)code);
                i += 4;
                continue;
            }
            FlushBytes(builder, bytes);
            switch (escape)
            {
                case '"' or '\\':
                    builder.Append(escape);
                    i += 2;
                    break;
                case 'r':
                    builder.Append('\r');
                    i += 2;
                    break;
                case 'n' or 'e':
                    builder.Append('\n');
                    i += 2;
                    break;
                case 't':
                    builder.Append('\t');
                    i += 2;
                    break;
                case 'u':
                    if (!TryReadCodePoint(text, i, out var rune, out var length))
                        return Fail(out value, out error, "A \\u escape is written \\u'XXXX' with a hexadecimal Unicode code point.", i);
                    builder.Append(rune.ToString());
                    i += length;
                    break;
                default:
                    return Fail(out value, out error, $"Unknown escape \\{escape} in a quoted string (write \\\\ for a backslash).", i);
            }
        }
    }

    private static bool TryReadCodePoint(string text, int backslash, out Rune rune, out int length)
    {
        rune = default;
        length = 0;
        var open = backslash + 2;
        if (open >= text.Length || text[open] != '\'')
            return false;
        var close = text.IndexOf('\'', open + 1);
        if (close < 0 || close - open - 1 is < 1 or > 6)
            return false;
        if (!int.TryParse(text.AsSpan(open + 1, close - open - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || !Rune.TryCreate(code, out rune))
            return false;
        length = close + 1 - backslash;
        return true;
    }

    private static void FlushBytes(StringBuilder builder, List<byte>? bytes)
    {
        if (bytes is null || bytes.Count == 0)
            return;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        if (System.Text.Unicode.Utf8.IsValid(span))
            builder.Append(Encoding.UTF8.GetString(span));
        else
            builder.Append(Encoding.Latin1.GetString(span));
        bytes.Clear();
    }

    private static bool Fail(out string? value, out DataSyntaxError error, string message, int offset)
    {
        value = null;
        error = new DataSyntaxError(message, offset);
        return false;
    }

    /// <summary>
    /// Appends <paramref name="text"/> as an atom when <see cref="CanWriteAsAtom"/> allows, otherwise quoted.
    /// </summary>
    public static void AppendString(StringBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        if (CanWriteAsAtom(text))
            builder.Append(text);
        else
            AppendQuoted(builder, text);
    }

    /// <summary>
    /// Appends <paramref name="text"/> quoted. Quotation marks and backslashes are escaped, LF is written
    /// <c>\e</c>, CR <c>\r</c>, tab <c>\t</c>, other control characters <c>\nnn</c>; everything else,
    /// including non-ASCII text, is written as it is (files are UTF-8).
    /// </summary>
    public static void AppendQuoted(StringBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        builder.Append('"');
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c != '"' && c != '\\' && c != '\x7f')
                continue;
            builder.Append(text, run, i - run);
            run = i + 1;
            switch (c)
            {
                case '"' or '\\':
                    builder.Append('\\').Append(c);
                    break;
                case '\n':
                    builder.Append("\\e");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    builder.Append('\\').Append(((int)c).ToString("000", CultureInfo.InvariantCulture));
                    break;
            }
        }
        builder.Append(text, run, text.Length - run);
        builder.Append('"');
    }
}
