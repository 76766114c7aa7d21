namespace Postern.Mime.Text;

/// <summary>Checks that a header value is a colour an HTML page can use as it is.</summary>
internal static class HtmlColor
{
    /// <summary>The longest colour name accepted; the longest CSS name, "lightgoldenrodyellow", has 20 letters.</summary>
    private const int MaxNameLength = 20;

    /// <summary>The trimmed value when it is <c>#rgb</c>, <c>#rrggbb</c> or a name of letters only; otherwise null.</summary>
    public static string? Validate(string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        if (v[0] == '#')
        {
            return (v.Length is 4 or 7) && v.AsSpan(1).ContainsAnyExcept("0123456789abcdefABCDEF") == false ? v : null;
        }

        return v.Length <= MaxNameLength && v.All(char.IsAsciiLetter) ? v : null;
    }
}
