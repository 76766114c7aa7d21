namespace Postern.Skins;

/// <summary>
/// The skin directories under the data directory and the change stamp shared by every process that
/// uses them.
/// </summary>
/// <remarks>
/// <code>
/// &lt;data&gt;/skins/server/_unnamed/…       the server-wide Unnamed skin
/// &lt;data&gt;/skins/server/&lt;Skin&gt;/…         server-wide named skins
/// &lt;data&gt;/skins/domains/&lt;domain&gt;/_unnamed/…, &lt;data&gt;/skins/domains/&lt;domain&gt;/&lt;Skin&gt;/…
/// &lt;data&gt;/skins/changes.stamp            touched by every change, so other processes drop their caches
/// </code>
/// </remarks>
internal sealed class SkinStorage(SkinOptions options)
{
    public string Root { get; } = Path.Combine(Path.GetFullPath(options.DataDirectory), "skins");

    public string StampPath => Path.Combine(Root, "changes.stamp");

    public DirectorySkinSource Server { get; } = new(Path.Combine(Path.GetFullPath(options.DataDirectory), "skins", "server"));

    public ISkinFileSource? Stock { get; } = options.StockSkins;

    /// <summary>The source of one domain's skins; the domain must be lower-case and valid.</summary>
    public DirectorySkinSource Domain(string domain) => new(Path.Combine(Root, "domains", domain));

    /// <summary>The writable source of a level (server, or a domain).</summary>
    public DirectorySkinSource Writable(string? domain) => domain is null ? Server : Domain(domain);

    public ISkinFileSource? Source(SkinLevel level, string? domain) => level switch
    {
        SkinLevel.Domain => Domain(domain!),
        SkinLevel.Server => Server,
        SkinLevel.Stock => Stock,
        _ => null,
    };

    /// <summary>Records that skins changed, for caches in this and other processes.</summary>
    public void TouchStamp()
    {
        Directory.CreateDirectory(Root);
        File.WriteAllBytes(StampPath, []);
        File.SetLastWriteTimeUtc(StampPath, DateTime.UtcNow);
    }

    public DateTime ReadStamp() => File.Exists(StampPath) ? File.GetLastWriteTimeUtc(StampPath) : DateTime.MinValue;
}
