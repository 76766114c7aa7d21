using System.Diagnostics.CodeAnalysis;

namespace Postern.Skins;

/// <summary>
/// A <c>/SkinFiles/&lt;domain&gt;/&lt;skin&gt;/&lt;version&gt;/&lt;file&gt;</c> URL path: a skin file that
/// browsers may cache across sessions. The domain segment is empty outside any domain and the skin segment
/// empty for the Unnamed skin (<c>/SkinFiles//Golden/…</c>, as CommuniGate writes them); the version changes
/// whenever any file in the skin's lookup order changes, so the URL can be cached for a long time. The form
/// without a version (<c>/SkinFiles/&lt;domain&gt;/&lt;skin&gt;/&lt;file&gt;</c>) is accepted too.
/// </summary>
/// <param name="Domain">The domain, or <see langword="null"/>.</param>
/// <param name="SkinName">The skin name; <c>""</c> for the Unnamed skin.</param>
/// <param name="Version">The version segment, or <see langword="null"/> when the URL has none.</param>
/// <param name="FileName">The file name, lower-case.</param>
public sealed record SkinFilesPath(string? Domain, string SkinName, string? Version, string FileName)
{
    /// <summary>The URL prefix of every skin file path.</summary>
    public const string Prefix = "/SkinFiles/";

    /// <summary>The <c>filesRef</c> prefix for a skin: the path up to and including the slash before the file name.</summary>
    public static string FilesRef(string? domain, string skinName, string version) =>
        $"{Prefix}{Uri.EscapeDataString(domain ?? "")}/{Uri.EscapeDataString(skinName)}/{version}/";

    /// <summary>Parses a request path; false when it is not a skin file path.</summary>
    public static bool TryParse(string path, [NotNullWhen(true)] out SkinFilesPath? result)
    {
        result = null;
        if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        var segments = path[Prefix.Length..].Split('/');
        if (segments.Length is not (3 or 4))
            return false;
        var domain = Uri.UnescapeDataString(segments[0]).ToLowerInvariant();
        var skin = Uri.UnescapeDataString(segments[1]);
        var file = SkinNames.NormalizeFileName(Uri.UnescapeDataString(segments[^1]));
        if ((domain.Length > 0 && !SkinNames.IsValidDomain(domain, out _))
            || (skin.Length > 0 && !SkinNames.IsValidSkinName(skin, out _))
            || !SkinNames.IsValidFileName(file, out _))
            return false;
        result = new SkinFilesPath(domain.Length == 0 ? null : domain, skin, segments.Length == 4 ? segments[2] : null, file);
        return true;
    }
}
