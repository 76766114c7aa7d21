using Postern.Html.Sanitizing;

namespace Postern.Html.Parsing;

/// <summary>Cuts input at the input limit, never inside a surrogate pair.</summary>
internal static class LimitedInput
{
    public static string Cut(string input, int maxChars, SanitizeReport report)
    {
        if (input.Length <= maxChars)
            return input;
        report.Truncate("input");
        var length = char.IsHighSurrogate(input[maxChars - 1]) ? maxChars - 1 : maxChars;
        return input[..length];
    }
}
