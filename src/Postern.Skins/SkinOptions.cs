namespace Postern.Skins;

/// <summary>Where skins are and how they are cached.</summary>
public sealed class SkinOptions
{
    /// <summary>
    /// Postern's data directory. Server-wide skins live in <c>skins/server/</c> under it, domain skins in
    /// <c>skins/domains/&lt;domain&gt;/</c>.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>The stock skins (shipped, read-only). <see langword="null"/> means there are none.</summary>
    public ISkinFileSource? StockSkins { get; init; }

    /// <summary>
    /// How often the cache checks whether another process (the <c>postern skin</c> commands) changed the
    /// skins. Default 2 s: an upload shows within two seconds, at the cost of one file-time read per interval.
    /// </summary>
    public TimeSpan ChangeCheckInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The caps on uploads.</summary>
    public SkinLimits Limits { get; init; } = SkinLimits.Default;
}

/// <summary>Caps on what skin management accepts.</summary>
public sealed class SkinLimits
{
    /// <summary>The defaults.</summary>
    public static SkinLimits Default { get; } = new();

    /// <summary>
    /// The largest single skin file. Default 16 MiB: stock skin files are at most a few hundred KB (images,
    /// scripts); the cap keeps a mistaken upload from filling the disk and the skin cache.
    /// </summary>
    public long MaxFileBytes { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFileBytes)); } = 16L * 1024 * 1024;

    /// <summary>The largest <c>.tar</c> upload. Default 64 MiB: a complete skin with images is a few MB.</summary>
    public long MaxArchiveBytes { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxArchiveBytes)); } = 64L * 1024 * 1024;

    /// <summary>The most files one skin may hold. Default 4096: a full stock skin has a few hundred.</summary>
    public int MaxFilesPerSkin { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxFilesPerSkin)); } = 4096;
}
