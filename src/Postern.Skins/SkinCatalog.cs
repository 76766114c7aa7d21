namespace Postern.Skins;

/// <summary>
/// Finds skins and their files through the stock / server-wide / domain hierarchy, with a cache that is
/// dropped whenever skins change (through <see cref="SkinAdministration"/> in this process, or in another
/// process, noticed within <see cref="SkinOptions.ChangeCheckInterval"/>).
/// </summary>
/// <remarks>Thread-safe; create one per data directory and share it.</remarks>
public sealed class SkinCatalog
{
    /// <summary>
    /// The most (domain, skin name) selections cached. 4096: far more than the skins a server has times
    /// the domains that use them at once, while bounding what requests naming made-up skins can cost.
    /// </summary>
    private const int MaxCachedSelections = 4096;

    private readonly SkinStorage _storage;
    private readonly long _checkIntervalMs;
    private SkinCacheGeneration _cache;
    private long _nextCheck;
    private DateTime _knownStamp;

    /// <summary>Creates a catalog over the skins <paramref name="options"/> describe.</summary>
    public SkinCatalog(SkinOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = new SkinStorage(options);
        _checkIntervalMs = (long)options.ChangeCheckInterval.TotalMilliseconds;
        _cache = new SkinCacheGeneration(_storage);
        _knownStamp = _storage.ReadStamp();
        _nextCheck = Environment.TickCount64 + _checkIntervalMs;
    }

    /// <summary>
    /// The skin a request in <paramref name="domain"/> asking for <paramref name="skinName"/> uses (the
    /// Unnamed skin for <see langword="null"/> or <c>""</c>), with its lookup order.
    /// </summary>
    /// <param name="domain">The domain (any letter case), or <see langword="null"/> outside any domain.</param>
    /// <param name="skinName">The skin name from the preferences or the request.</param>
    /// <exception cref="ArgumentException">The domain name is not valid.</exception>
    public SelectedSkin Select(string? domain, string? skinName)
    {
        CheckForChangesElsewhere();
        domain = NormalizeDomain(domain);
        var cache = Volatile.Read(ref _cache);
        var key = (domain ?? "", skinName ?? "");
        if (cache.Selections.TryGetValue(key, out var selected))
            return selected;
        selected = Build(cache, domain, skinName ?? "");
        // Skin names can come from request parameters; past the cap, selections are built per request.
        return cache.Selections.Count < MaxCachedSelections ? cache.Selections.GetOrAdd(key, selected) : selected;
    }

    /// <summary>The file a <c>/SkinFiles/…</c> URL names, or <see langword="null"/>.</summary>
    public SkinFile? FindFile(SkinFilesPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Select(path.Domain, path.SkinName).FindFile(path.FileName);
    }

    /// <summary>
    /// The named skins users of <paramref name="domain"/> can choose, of one kind: WML skins and cHTML
    /// skins appear only in their own lists (WebApp, "WAP/WML Skins"). Sorted, without the Unnamed skin.
    /// </summary>
    public IReadOnlyList<string> AvailableSkins(string? domain, SkinKind kind)
    {
        CheckForChangesElsewhere();
        domain = NormalizeDomain(domain);
        var cache = Volatile.Read(ref _cache);
        var levels = domain is null
            ? new[] { cache.Level(SkinLevel.Server, null), cache.Level(SkinLevel.Stock, null) }
            : [cache.Level(SkinLevel.Domain, domain), cache.Level(SkinLevel.Server, null), cache.Level(SkinLevel.Stock, null)];
        return levels
            .SelectMany(level => level.Values.Select(s => s.Id.Name))
            .Where(name => name.Length > 0 && SkinNames.KindOf(name) == kind)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Drops everything cached; the next lookups read the skins again.</summary>
    public void Invalidate() => Volatile.Write(ref _cache, new SkinCacheGeneration(_storage));

    internal static string? NormalizeDomain(string? domain)
    {
        if (string.IsNullOrEmpty(domain))
            return null;
        if (domain.AsSpan().ContainsAnyInRange('A', 'Z'))
            domain = domain.ToLowerInvariant();
        return SkinNames.IsValidDomain(domain, out var problem) ? domain : throw new ArgumentException(problem, nameof(domain));
    }

    private static SelectedSkin Build(SkinCacheGeneration cache, string? domain, string requested)
    {
        // Use the spelling the skin has on disk, so "golden" selects "Golden".
        var spelled = requested.Length == 0 ? "" : SpellingOf(cache, domain, requested);
        var skin = SkinLookupOrder.Select(domain, spelled, cache.Exists);
        var order = SkinLookupOrder.Chain(skin, cache.Exists);
        var chain = order.Select(cache.Skin).OfType<SkinIndex>().ToArray();
        return new SelectedSkin(domain, spelled, skin, order, chain);
    }

    private static string SpellingOf(SkinCacheGeneration cache, string? domain, string name)
    {
        foreach (var level in domain is null ? [SkinLevel.Server, SkinLevel.Stock] : new[] { SkinLevel.Domain, SkinLevel.Server, SkinLevel.Stock })
        {
            if (cache.Level(level, domain).TryGetValue(name, out var index))
                return index.Id.Name;
        }
        return name;
    }

    /// <summary>Another process (the <c>postern skin</c> commands) touches the change stamp when it changes skins.</summary>
    private void CheckForChangesElsewhere()
    {
        var now = Environment.TickCount64;
        if (now < Volatile.Read(ref _nextCheck))
            return;
        Volatile.Write(ref _nextCheck, now + _checkIntervalMs);
        var stamp = _storage.ReadStamp();
        if (stamp == _knownStamp)
            return;
        _knownStamp = stamp;
        Invalidate();
    }
}
