using System.Collections.Concurrent;

namespace Postern.Skins;

/// <summary>
/// Everything the skin cache knows, built lazily; a change to any skin replaces the whole generation
/// (uploads are rare, lookups constant).
/// </summary>
internal sealed class SkinCacheGeneration(SkinStorage storage)
{
    private readonly ConcurrentDictionary<string, Dictionary<string, SkinIndex>> _levels = new(StringComparer.Ordinal);

    public ConcurrentDictionary<(string Domain, string Skin), SelectedSkin> Selections { get; } = new(SelectionKeyComparer.Instance);

    /// <summary>The skins of one level by name (case-insensitive; <c>""</c> is the Unnamed skin).</summary>
    public Dictionary<string, SkinIndex> Level(SkinLevel level, string? domain)
    {
        var key = level switch
        {
            SkinLevel.Domain => "domain:" + domain,
            SkinLevel.Server => "server",
            _ => "stock",
        };
        return _levels.GetOrAdd(key, _ => Load(level, domain));
    }

    public SkinIndex? Skin(SkinIdentity id) => Level(id.Level, id.Domain).GetValueOrDefault(id.Name);

    /// <summary>
    /// Whether a skin exists. The server-wide Unnamed skin always exists (it may be empty), as CommuniGate's
    /// does; domain Unnamed skins and all named skins exist once created.
    /// </summary>
    public bool Exists(SkinIdentity id) =>
        (id.Level == SkinLevel.Server && id.IsUnnamed) || Level(id.Level, id.Domain).ContainsKey(id.Name);

    private Dictionary<string, SkinIndex> Load(SkinLevel level, string? domain)
    {
        var skins = new Dictionary<string, SkinIndex>(StringComparer.OrdinalIgnoreCase);
        if (storage.Source(level, domain) is not { } source)
            return skins;
        foreach (var name in source.ListSkins())
        {
            if (source.ListFiles(name) is { } files)
                skins.TryAdd(name, new SkinIndex(new SkinIdentity(level, domain, name), source, files));
        }
        return skins;
    }

    private sealed class SelectionKeyComparer : IEqualityComparer<(string Domain, string Skin)>
    {
        public static SelectionKeyComparer Instance { get; } = new();

        public bool Equals((string Domain, string Skin) x, (string Domain, string Skin) y) =>
            string.Equals(x.Domain, y.Domain, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Skin, y.Skin, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Domain, string Skin) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Domain), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Skin));
    }
}
