namespace Postern.Html.Sanitizing;

/// <summary>What one conversion removed or cut short, collected while it runs.</summary>
internal sealed class SanitizeReport
{
    /// <summary>
    /// The most distinct removal entries kept. 100: a hostile message repeats a few tricks many times, and the
    /// list is for diagnostics, so the first hundred kinds tell the story.
    /// </summary>
    private const int MaxEntries = 100;

    private readonly List<string> _removed = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public bool RemoteContentBlocked { get; private set; }

    public bool Truncated { get; private set; }

    public IReadOnlyList<string> Removed => _removed;

    private readonly HashSet<(string Kind, string Name)> _seenNames = [];

    /// <summary>Notes one kind of removal, such as <c>element script</c> or <c>url javascript:</c>.</summary>
    public void Remove(string entry)
    {
        if (_removed.Count < MaxEntries && _seen.Add(entry))
            _removed.Add(entry);
    }

    /// <summary>Notes a removal of a named thing (<c>attribute onclick</c>); the entry text is built only the first time.</summary>
    public void Remove(string kind, string name)
    {
        if (_removed.Count < MaxEntries && _seenNames.Add((kind, name)))
            Remove(kind + " " + Shorten(name));
    }

    /// <summary>Report entries quote at most a few dozen characters of what the message wrote.</summary>
    public static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";

    public void BlockRemoteContent() => RemoteContentBlocked = true;

    public void Truncate(string reason)
    {
        Truncated = true;
        Remove("truncated " + reason);
    }
}
