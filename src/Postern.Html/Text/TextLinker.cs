using System.Text.RegularExpressions;

namespace Postern.Html.Text;

/// <summary>A link found in text: where it is, and the URL it stands for.</summary>
internal readonly record struct TextLink(int Start, int Length, string Url);

/// <summary>
/// Finds URLs (http, https, www., mailto:) and e-mail addresses in plain text. The pattern runs on .NET's
/// non-backtracking engine, so a megabyte line without spaces costs linear time, not quadratic.
/// </summary>
internal static class TextLinker
{
    private static readonly Regex s_candidates = new(
        @"(?:https?://|www\.)[^\s<>""]+|mailto:[^\s<>""]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static IEnumerable<TextLink> Find(string text)
    {
        foreach (Match match in s_candidates.Matches(text))
        {
            // "awww.example" is a word, not a URL.
            if (match.Index > 0 && char.IsLetterOrDigit(text[match.Index - 1]))
                continue;
            var candidate = TrimTrailingPunctuation(match.Value);
            if (candidate.Length == 0)
                continue;
            string url;
            if (candidate.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
                url = "http://" + candidate;
            else if (candidate.Contains("://", StringComparison.Ordinal) || candidate.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                url = candidate;
            else
                url = "mailto:" + candidate;
            yield return new TextLink(match.Index, candidate.Length, url);
        }
    }

    /// <summary>
    /// Sentence punctuation after a URL is not part of it, nor a closing bracket without its opening one
    /// ("(see http://example.com/a)").
    /// </summary>
    private static string TrimTrailingPunctuation(string candidate)
    {
        var end = candidate.Length;
        while (end > 0)
        {
            var last = candidate[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*')
                end--;
            else if (last is ')' or ']' or '}' && Count(candidate, end, Opening(last)) < Count(candidate, end, last))
                end--;
            else
                break;
        }
        return candidate[..end];
    }

    private static char Opening(char closing) => closing switch
    {
        ')' => '(',
        ']' => '[',
        _ => '{',
    };

    private static int Count(string text, int end, char c) => text.AsSpan(0, end).Count(c);
}
