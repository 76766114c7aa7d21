using System.Text;

namespace Postern.Html.Css;

/// <summary>CSS Syntax Level 3 §3.3 input preprocessing and the §4.2 character classes the tokenizer and writer share.</summary>
internal static class CssInput
{
    /// <summary>§3.3: CR LF, CR and FF become LF; NUL and lone surrogates become U+FFFD.</summary>
    public static string Preprocess(string input)
    {
        if (input.AsSpan().IndexOfAny('\r', '\f', '\0') < 0 && !HasLoneSurrogate(input))
            return input;
        var builder = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < input.Length && input[i + 1] == '\n')
                    i++;
            }
            else if (c == '\f')
                builder.Append('\n');
            else if (c == '\0')
                builder.Append('\uFFFD');
            else if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
                builder.Append(c).Append(input[++i]);
            else if (char.IsSurrogate(c))
                builder.Append('\uFFFD');
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool HasLoneSurrogate(string input)
    {
        for (var i = 0; i < input.Length; i++)
        {
            if (char.IsHighSurrogate(input[i]) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
                i++;
            else if (char.IsSurrogate(input[i]))
                return true;
        }
        return false;
    }

    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n';

    /// <summary>§4.2: letters, underscore and every non-ASCII code point.</summary>
    public static bool IsNameStartCodePoint(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    public static bool IsNameCodePoint(char c) => IsNameStartCodePoint(c) || char.IsAsciiDigit(c) || c == '-';

    public static bool IsNonPrintable(char c) => c <= '\u0008' || c == '\u000B' || (c >= '\u000E' && c <= '\u001F') || c == '\u007F';
}
