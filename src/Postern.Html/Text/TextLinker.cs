using System.Buffers;

namespace Postern.Html.Text;

/// <summary>A link found in text: where it is, and the URL it stands for.</summary>
internal readonly record struct TextLink(int Start, int Length, string Url);

/// <summary>
/// Finds URLs (http, https, www., mailto:) and e-mail addresses in plain text. A vectorised search jumps to the
/// next marker (<c>://</c>, <c>www.</c>, <c>mailto:</c>, <c>@</c>) and the candidate is grown around it; no stretch
/// of text is scanned twice, so a megabyte line costs linear time whatever it holds.
/// </summary>
internal static class TextLinker
{
    private static readonly SearchValues<string> s_markers = SearchValues.Create(["://", "www.", "mailto:", "@"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Characters that end a URL in text (RFC 3986 Appendix C: white space, quotes and angle brackets delimit).</summary>
    private static readonly SearchValues<char> s_urlEnd = SearchValues.Create(" \t\r\n\f\v<>\"\u00A0");

    public static IEnumerable<TextLink> Find(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var found = text.AsSpan(position).IndexOfAny(s_markers);
            if (found < 0)
                yield break;
            var marker = position + found;
            var link = text[marker] switch
            {
                ':' => WebUrl(text, position, marker),
                'w' or 'W' when StartsWord(text, marker) => Url(text, marker, "www.".Length, "http://"),
                'm' or 'M' when StartsWord(text, marker) => Url(text, marker, "mailto:".Length, ""),
                '@' => Address(text, position, marker),
                _ => null,
            };
            if (link is { } linked)
            {
                yield return linked;
                position = linked.Start + linked.Length;
            }
            else
                position = marker + 1;
        }
    }

    /// <summary>"://" preceded by http or https at the start of a word.</summary>
    private static TextLink? WebUrl(string text, int from, int colon)
    {
        var start = colon;
        while (start > from && char.IsAsciiLetter(text[start - 1]))
            start--;
        var scheme = text.AsSpan(start, colon - start);
        if (!StartsWord(text, start)
            || !(scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)))
            return null;
        return Url(text, start, colon - start + "://".Length, "");
    }

    /// <summary>
    /// A URL from <paramref name="start"/> to the next delimiter, without trailing sentence punctuation; null when
    /// nothing follows its first <paramref name="prefixLength"/> characters.
    /// </summary>
    private static TextLink? Url(string text, int start, int prefixLength, string schemeToAdd)
    {
        var end = text.AsSpan(start).IndexOfAny(s_urlEnd);
        var length = TrimTrailingPunctuation(text.AsSpan(start, end < 0 ? text.Length - start : end));
        return length > prefixLength ? new TextLink(start, length, schemeToAdd + text.Substring(start, length)) : null;
    }

    /// <summary>local-part@domain with a dot in the domain; the local part is the run of address characters before '@'.</summary>
    private static TextLink? Address(string text, int from, int at)
    {
        var start = at;
        while (start > from && IsLocalPartChar(text[start - 1]))
            start--;
        var end = at + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.'))
            end++;
        while (end > at + 1 && text[end - 1] is '.' or '-')
            end--;
        var domain = text.AsSpan(at + 1, end - at - 1);
        if (start == at || domain.IsEmpty || domain[0] == '.' || !domain.Contains('.') || domain.IndexOf("..") >= 0)
            return null;
        return new TextLink(start, end - start, "mailto:" + text[start..end]);
    }

    private static bool IsLocalPartChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    /// <summary>"awww.example" and "xhttp://" are words, not URLs.</summary>
    private static bool StartsWord(string text, int start) => start == 0 || !char.IsLetterOrDigit(text[start - 1]);

    /// <summary>
    /// The length without trailing sentence punctuation, and without closing brackets that have no opening one
    /// ("(see http://example.com/a)"); bracket counts are taken once, so this is linear too.
    /// </summary>
    private static int TrimTrailingPunctuation(ReadOnlySpan<char> candidate)
    {
        var unmatched = new Dictionary<char, int>
        {
            [')'] = candidate.Count(')') - candidate.Count('('),
            [']'] = candidate.Count(']') - candidate.Count('['),
            ['}'] = candidate.Count('}') - candidate.Count('{'),
        };
        var end = candidate.Length;
        while (end > 0)
        {
            var last = candidate[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*')
                end--;
            else if (last is ')' or ']' or '}' && unmatched[last] > 0)
            {
                unmatched[last]--;
                end--;
            }
            else
                break;
        }
        return end;
    }
}
