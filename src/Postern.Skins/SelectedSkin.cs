using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Postern.Data;
using Postern.Templates;

namespace Postern.Skins;

/// <summary>
/// A skin chosen for a domain and skin name, with its lookup order resolved: finds files, compiled pages
/// and Text Dataset strings through the hierarchy, caching every answer. Obtain one from
/// <see cref="SkinCatalog.Select"/> per request (the catalog caches them); it is safe to share between threads.
/// </summary>
public sealed class SelectedSkin : ITemplateResolver
{
    private readonly SkinIndex[] _chain;
    private readonly ConcurrentDictionary<string, SkinFile> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IDataLookup> _strings = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _domain;
    private readonly string _requestedName;
    private string? _version;

    internal SelectedSkin(string? domain, string requestedName, SkinIdentity skin, IReadOnlyList<SkinIdentity> lookupOrder, SkinIndex[] chain)
    {
        _domain = domain;
        _requestedName = requestedName;
        Skin = skin;
        LookupOrder = lookupOrder;
        _chain = chain;
    }

    /// <summary>The skin the request uses.</summary>
    public SkinIdentity Skin { get; }

    /// <summary>The skins files are looked for in, <see cref="Skin"/> first.</summary>
    public IReadOnlyList<SkinIdentity> LookupOrder { get; }

    /// <summary>
    /// A short hash of every file (name, size, time) in the lookup order; it changes when any of them
    /// changes, so URLs carrying it can be cached by browsers for a long time.
    /// </summary>
    public string Version => _version ??= ComputeVersion();

    /// <summary>
    /// The <c>filesRef</c> dataset element: the URL prefix of this skin's files,
    /// <c>/SkinFiles/&lt;domain&gt;/&lt;skin&gt;/&lt;version&gt;/</c>; append a file name.
    /// </summary>
    public string FilesRef => SkinFilesPath.FilesRef(_domain, _requestedName, Version);

    /// <summary>
    /// This skin with the files of <paramref name="directory"/> looked up before every skin of the lookup
    /// order (pages, includes, and <c>&lt;language&gt;.data</c> / <c>strings.data</c> strings): a skin
    /// author's working copy, rendered as if uploaded.
    /// </summary>
    public SelectedSkin WithWorkingDirectory(string directory)
    {
        var source = new WorkingDirectorySource(Path.GetFullPath(directory));
        var working = new SkinIdentity(SkinLevel.Working, source.Directory, "");
        var index = new SkinIndex(working, source, source.ListFiles("") ?? []);
        return new SelectedSkin(_domain, _requestedName, Skin, [working, .. LookupOrder], [index, .. _chain]);
    }

    /// <summary>The file called <paramref name="fileName"/> (any letter case) in the first skin of the lookup order that has it.</summary>
    public SkinFile? FindFile(string fileName)
    {
        if (_files.TryGetValue(fileName, out var cached))
            return cached;
        foreach (var skin in _chain)
        {
            // Only hits are cached: requests for names that do not exist must not grow the cache.
            if (skin.File(fileName) is { } found)
                return _files.GetOrAdd(fileName, found);
        }
        return null;
    }

    /// <summary>The compiled WSSP file, or <see langword="null"/> when no skin in the lookup order has it.</summary>
    /// <exception cref="TemplateCompileException">The file has a syntax error.</exception>
    public CompiledTemplate? FindTemplate(string fileName)
    {
        foreach (var skin in _chain)
        {
            if (skin.Files.ContainsKey(fileName))
                return skin.Template(fileName);
        }
        return null;
    }

    /// <inheritdoc/>
    CompiledTemplate? ITemplateResolver.Resolve(string fileName) => FindTemplate(fileName);

    /// <summary>
    /// The Text Dataset in <paramref name="language"/>: <c>&lt;language&gt;.data</c> through the lookup
    /// order, then <c>strings.data</c> through the lookup order. <see langword="null"/>, empty or an invalid
    /// name selects the default language only.
    /// </summary>
    /// <exception cref="DataFormatException">A Text Dataset file in the skin is not a valid dictionary.</exception>
    public IDataLookup Strings(string? language)
    {
        var key = IsLanguageName(language) ? language! : "";
        if (_strings.TryGetValue(key, out var cached))
            return cached;
        // A language no skin in the lookup order has is the default language (and is not cached apart).
        if (key.Length > 0 && !_chain.Any(s => s.Files.ContainsKey(key + ".data")))
            return Strings(null);
        var datasets = new List<DataDictionary>();
        if (key.Length > 0)
            datasets.AddRange(_chain.Select(s => s.Dataset(key.ToLowerInvariant() + ".data")).OfType<DataDictionary>());
        datasets.AddRange(_chain.Select(s => s.Dataset("strings.data")).OfType<DataDictionary>());
        return _strings.GetOrAdd(key, new SkinTextDataset(datasets));
    }

    /// <summary>Language names become file names, so only letters, digits, '-' and '_' are accepted.</summary>
    private static bool IsLanguageName(string? language) =>
        !string.IsNullOrEmpty(language) && language.Length <= 64
        && language.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        && !language.Equals("strings", StringComparison.OrdinalIgnoreCase);

    private string ComputeVersion()
    {
        var text = new StringBuilder();
        foreach (var skin in _chain)
        {
            text.Append(skin.Id).Append('\n');
            foreach (var file in skin.Files.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
                text.Append(file.Name).Append(' ').Append(file.Length).Append(' ').Append(file.LastModifiedUtc.Ticks).Append('\n');
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }
}
