namespace Postern.Html.Sanitizing;

/// <summary>
/// Puts the message's prefix before class names, ids and anchor names, so they cannot match the page's own.
/// A name that already has the prefix keeps it as it is, which makes sanitising twice give the same result.
/// </summary>
internal sealed class IdentifierPrefixer(string prefix)
{
    public string Prefix(string name) =>
        name.StartsWith(prefix, StringComparison.Ordinal) ? name : prefix + name;

    /// <summary>A space-separated list (<c>class</c>, <c>headers</c>): each name prefixed, joined by single spaces.</summary>
    public string PrefixList(string names)
    {
        var parts = names.Split([' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
            parts[i] = Prefix(parts[i]);
        return string.Join(' ', parts);
    }
}
