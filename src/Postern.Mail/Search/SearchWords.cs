using System.Globalization;
using System.Text;

namespace Postern.Mail.Search;

/// <summary>
/// How text is matched: a search text is split into words (runs of letters and digits), and a field
/// matches when those words appear in it one after another, each as a whole word or the start of one,
/// ignoring case and accents. The full-text index applies the same rule (docs/mail.md).
/// </summary>
public static class SearchWords
{
    /// <summary>The words of a search text, as typed.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="words"/> in sequence, each as a word or word prefix.</summary>
    public static bool Matches(string text, IReadOnlyList<string> words)
    {
        if (words.Count == 0)
            return true;
        var needles = words.Select(Fold).ToArray();
        var tokens = Split(text).Select(Fold).ToArray();
        for (var start = 0; start + needles.Length <= tokens.Length; start++)
        {
            var all = true;
            for (var k = 0; k < needles.Length && all; k++)
                all = tokens[start + k].StartsWith(needles[k], StringComparison.Ordinal);
            if (all)
                return true;
        }
        return false;
    }

    /// <summary>Lower case without accents: what SQLite's unicode61 tokenizer with remove_diacritics compares.</summary>
    private static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
                folded.Append(c);
        }
        return folded.ToString().ToLowerInvariant();
    }

    private static bool IsWordRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
