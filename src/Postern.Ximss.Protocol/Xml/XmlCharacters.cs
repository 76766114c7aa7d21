using System.Buffers;

namespace Postern.Ximss.Protocol.Xml;

/// <summary>Which characters XML 1.0 allows, and what Postern writes instead of those it does not.</summary>
/// <remarks>
/// XML 1.0 §2.2 (Char production) forbids C0 controls other than tab, LF and CR, the non-characters
/// U+FFFE and U+FFFF, and unpaired surrogates. Mail headers and bodies do contain such characters
/// (spam subjects, broken charsets), so writers replace each one with U+FFFD REPLACEMENT CHARACTER
/// rather than stripping it: the reader sees that something was there, and words either side stay apart.
/// </remarks>
internal static class XmlCharacters
{
    public const char Replacement = '\uFFFD';

    /// <summary>Characters that may not appear literally in text content: markup, CR (kept via a reference), and every illegal or surrogate character.</summary>
    public static readonly SearchValues<char> TextSpecials = SearchValues.Create(Specials("&<>\r"));

    /// <summary>Characters that may not appear literally in a double-quoted attribute value; tab, CR and LF are escaped so attribute-value normalisation (XML 1.0 §3.3.3) keeps them.</summary>
    public static readonly SearchValues<char> AttributeSpecials = SearchValues.Create(Specials("&<\"\t\n\r"));

    /// <summary>Illegal characters and surrogates only: what must be replaced or paired-checked in text handed to another XML writer.</summary>
    public static readonly SearchValues<char> IllegalOrSurrogate = SearchValues.Create(Specials(""));

    /// <summary>True for characters XML 1.0 never allows (surrogates are judged by their pairing, not here).</summary>
    public static bool IsIllegal(char c) => c < '\u0020' ? c is not ('\t' or '\n' or '\r') : c is '\uFFFE' or '\uFFFF';

    /// <summary>Returns <paramref name="text"/> with illegal characters and unpaired surrogates replaced by U+FFFD.</summary>
    public static string Sanitize(string text)
    {
        var first = text.AsSpan().IndexOfAny(IllegalOrSurrogate);
        if (first < 0 || !NeedsReplacement(text.AsSpan(first)))
            return text;

        return string.Create(text.Length, text, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    destination[i] = c;
                    destination[i + 1] = source[++i];
                }
                else
                {
                    destination[i] = IsIllegal(c) || char.IsSurrogate(c) ? Replacement : c;
                }
            }
        });
    }

    private static bool NeedsReplacement(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (IsIllegal(c) || char.IsSurrogate(c))
                return true;
        }

        return false;
    }

    private static string Specials(string markup)
    {
        var chars = new List<char>(markup);
        for (var c = '\0'; c < '\u0020'; c++)
        {
            if (IsIllegal(c))
                chars.Add(c);
        }

        for (var c = '\uD800'; c <= '\uDFFF'; c++)
            chars.Add(c);
        chars.Add('\uFFFE');
        chars.Add('\uFFFF');
        return new string(chars.Distinct().ToArray());
    }
}
