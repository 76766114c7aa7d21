namespace Postern.Skins;

/// <summary>
/// Skin management for the <c>postern skin</c> commands and the WebAdmin: create, rename and remove
/// skins; list, upload, download and delete their files; at server level (<c>domain</c> null) or for one
/// domain. Every change touches the change stamp, so skin caches in all processes are dropped.
/// </summary>
/// <remarks>
/// Files are written to a temporary name and renamed into place, so a reader never sees half a file and a
/// failed upload leaves the old file. Stock skins are read-only and are not managed here.
/// </remarks>
public sealed class SkinAdministration
{
    private readonly SkinStorage _storage;
    private readonly SkinLimits _limits;
    private readonly SkinCatalog? _catalog;

    /// <summary>Creates the administration for the skins <paramref name="options"/> describe.</summary>
    /// <param name="options">The data directory and stock skins.</param>
    /// <param name="catalog">The catalog serving pages in this process, to drop its cache at once after a change.</param>
    public SkinAdministration(SkinOptions options, SkinCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = new SkinStorage(options);
        _limits = options.Limits;
        _catalog = catalog;
    }

    /// <summary>The skins of the server (or of <paramref name="domain"/>): the Unnamed skin (<c>""</c>) when it exists, then the named skins.</summary>
    public IReadOnlyList<SkinSummary> ListSkins(string? domain)
    {
        domain = SkinCatalog.NormalizeDomain(domain);
        var level = Fresh().Level(domain is null ? SkinLevel.Server : SkinLevel.Domain, domain);
        var summaries = level.Values
            .Select(s => new SkinSummary(s.Id.Name, SkinNames.KindOf(s.Id.Name), s.Files.Count))
            .OrderBy(s => s.Name.Length == 0 ? 0 : 1)
            .ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (domain is null && !level.ContainsKey(""))
            summaries.Insert(0, new SkinSummary("", SkinKind.Regular, 0));
        return summaries;
    }

    /// <summary>Creates a skin; <c>null</c> or <c>""</c> creates the level's Unnamed skin.</summary>
    /// <exception cref="SkinException">The name is invalid or the skin exists.</exception>
    public void CreateSkin(string? domain, string? skinName)
    {
        domain = SkinCatalog.NormalizeDomain(domain);
        var name = skinName ?? "";
        if (name.Length > 0 && !SkinNames.IsValidSkinName(name, out var problem))
            throw new SkinException(problem);
        var existing = Find(domain, name);
        if (existing is not null)
            throw new SkinException($"The {Describe(domain, existing)} already exists.");
        Directory.CreateDirectory(_storage.Writable(domain).SkinDirectory(name));
        Changed();
    }

    /// <summary>Renames a named skin.</summary>
    /// <exception cref="SkinException">No such skin, the new name is invalid, or it is taken.</exception>
    public void RenameSkin(string? domain, string skinName, string newName)
    {
        domain = SkinCatalog.NormalizeDomain(domain);
        if (string.IsNullOrEmpty(skinName))
            throw new SkinException("The Unnamed skin cannot be renamed.");
        if (!SkinNames.IsValidSkinName(newName, out var problem))
            throw new SkinException(problem);
        var current = Find(domain, skinName) ?? throw NotFound(domain, skinName);
        if (!string.Equals(current, newName, StringComparison.OrdinalIgnoreCase) && Find(domain, newName) is { } taken)
            throw new SkinException($"The {Describe(domain, taken)} already exists.");
        var source = _storage.Writable(domain);
        Directory.Move(source.SkinDirectory(current), source.SkinDirectory(newName));
        Changed();
    }

    /// <summary>
    /// Removes an empty skin (WebApp: "Only empty Skins … can be removed"). The Unnamed skin can be removed
    /// only when it is empty and the level has no named skins.
    /// </summary>
    /// <exception cref="SkinException">No such skin, or it is not empty.</exception>
    public void RemoveSkin(string? domain, string? skinName)
    {
        domain = SkinCatalog.NormalizeDomain(domain);
        var name = skinName ?? "";
        var current = Find(domain, name) ?? throw NotFound(domain, name);
        var level = Fresh().Level(domain is null ? SkinLevel.Server : SkinLevel.Domain, domain);
        if (level[current].Files.Count > 0)
            throw new SkinException($"The {Describe(domain, current)} still has {level[current].Files.Count} files; delete them first.");
        if (name.Length == 0 && level.Keys.Any(k => k.Length > 0))
            throw new SkinException($"The {Describe(domain, "")} can be removed only after every named skin is removed.");
        Directory.Delete(_storage.Writable(domain).SkinDirectory(current), recursive: true);
        Changed();
    }

    /// <summary>
    /// The files visible in a skin: its own, then those it inherits from the skins after it in the lookup
    /// order (shown as "default" in CommuniGate's editor), by name.
    /// </summary>
    /// <exception cref="SkinException">No such skin.</exception>
    public IReadOnlyList<SkinFileListing> ListFiles(string? domain, string? skinName)
    {
        var (cache, skin) = Existing(domain, skinName);
        var listing = new Dictionary<string, SkinFileListing>(StringComparer.OrdinalIgnoreCase);
        foreach (var origin in SkinLookupOrder.Chain(skin, cache.Exists))
        {
            if (cache.Skin(origin) is not { } index)
                continue;
            foreach (var file in index.Files.Values)
                listing.TryAdd(file.Name, new SkinFileListing(file.Name, file.Length, file.LastModifiedUtc, index.Id, origin == skin));
        }
        return [.. listing.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Stores an uploaded file (a <c>.tar</c> is unpacked file by file). A <c>.wssp</c>/<c>.wssi</c> must
    /// compile and a <c>.data</c> must parse; on any error nothing is stored and the result says where.
    /// </summary>
    /// <exception cref="SkinException">No such skin, or the skin would hold too many files.</exception>
    public SkinUploadResult Upload(string? domain, string? skinName, string fileName, ReadOnlySpan<byte> content)
    {
        var (cache, skin) = Existing(domain, skinName);
        var (files, skipped, error) = SkinUploadValidator.Prepare(fileName, content, _limits);
        if (error is not null)
            return new SkinUploadResult([], skipped, error);

        var existing = cache.Skin(skin)?.Files;
        var total = (existing?.Count ?? 0) + files.Count(f => existing?.ContainsKey(f.Name) != true);
        if (total > _limits.MaxFilesPerSkin)
            throw new SkinException($"The {Describe(skin.Domain, skin.Name)} would hold {total} files, more than the limit of {_limits.MaxFilesPerSkin}.");

        var directory = _storage.Writable(skin.Domain).SkinDirectory(skin.Name);
        Directory.CreateDirectory(directory);
        foreach (var (name, bytes) in files)
            WriteAtomically(directory, name, bytes);
        Changed();
        return new SkinUploadResult([.. files.Select(f => f.Name)], skipped, null);
    }

    /// <summary>A file visible in the skin (its own or inherited).</summary>
    /// <exception cref="SkinException">No such skin or file.</exception>
    public SkinFile Download(string? domain, string? skinName, string fileName)
    {
        var (cache, skin) = Existing(domain, skinName);
        var name = SkinNames.NormalizeFileName(fileName);
        foreach (var origin in SkinLookupOrder.Chain(skin, cache.Exists))
        {
            if (cache.Skin(origin)?.File(name) is { } file)
                return file;
        }
        throw new SkinException($"There is no file {name} in the {Describe(skin.Domain, skin.Name)} or the skins it inherits from.");
    }

    /// <summary>Deletes one of the skin's own files.</summary>
    /// <exception cref="SkinException">No such skin, or the file is not the skin's own.</exception>
    public void DeleteFile(string? domain, string? skinName, string fileName)
    {
        var (cache, skin) = Existing(domain, skinName);
        var name = SkinNames.NormalizeFileName(fileName);
        if (cache.Skin(skin)?.Files.TryGetValue(name, out var file) != true)
            throw new SkinException($"The {Describe(skin.Domain, skin.Name)} has no file {name} of its own.");
        var directory = _storage.Writable(skin.Domain).SkinDirectory(skin.Name);
        var path = Path.Combine(directory, file!.Name);
        if (!File.Exists(path))
            path = Directory.EnumerateFiles(directory).First(p => string.Equals(Path.GetFileName(p), name, StringComparison.OrdinalIgnoreCase));
        File.Delete(path);
        Changed();
    }

    private SkinCacheGeneration Fresh() => new(_storage);

    /// <summary>The skin's spelling on disk at the writable level, or <see langword="null"/>.</summary>
    private string? Find(string? domain, string name)
    {
        var level = Fresh().Level(domain is null ? SkinLevel.Server : SkinLevel.Domain, domain);
        return level.TryGetValue(name, out var index) ? index.Id.Name : null;
    }

    private (SkinCacheGeneration Cache, SkinIdentity Skin) Existing(string? domain, string? skinName)
    {
        domain = SkinCatalog.NormalizeDomain(domain);
        var name = skinName ?? "";
        var cache = Fresh();
        var level = domain is null ? SkinLevel.Server : SkinLevel.Domain;
        var found = cache.Level(level, domain).TryGetValue(name, out var index) ? index.Id.Name : null;
        // The server-wide Unnamed skin always exists; its directory is made on the first upload.
        if (found is null && !(domain is null && name.Length == 0))
            throw NotFound(domain, name);
        return (cache, new SkinIdentity(level, domain, found ?? ""));
    }

    private static void WriteAtomically(string directory, string name, byte[] bytes)
    {
        var temporary = Path.Combine(directory, $".upload-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, Path.Combine(directory, name), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void Changed()
    {
        _storage.TouchStamp();
        _catalog?.Invalidate();
    }

    private static SkinException NotFound(string? domain, string name) =>
        new(name.Length == 0 && domain is not null
            ? $"Domain {domain} has no Unnamed skin; create it first (postern skin create --domain {domain})."
            : $"There is no {Describe(domain, name)}.");

    private static string Describe(string? domain, string name) =>
        new SkinIdentity(domain is null ? SkinLevel.Server : SkinLevel.Domain, domain, name).ToString();
}
