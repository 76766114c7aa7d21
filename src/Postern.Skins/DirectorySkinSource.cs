namespace Postern.Skins;

/// <summary>
/// A level of skins stored in a directory: the Unnamed skin in <c>_unnamed/</c>, each named skin in a
/// subdirectory of its name, each skin a flat directory of files.
/// </summary>
public sealed class DirectorySkinSource(string root) : ISkinFileSource
{
    /// <summary>The level's directory.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <inheritdoc/>
    public IReadOnlyList<string> ListSkins()
    {
        if (!Directory.Exists(Root))
            return [];
        var skins = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(directory);
            if (name == SkinNames.UnnamedDirectory)
                skins.Add("");
            else if (SkinNames.IsValidSkinName(name, out _))
                skins.Add(name);
        }
        return skins;
    }

    /// <inheritdoc/>
    public IReadOnlyList<SkinFileInfo>? ListFiles(string skinName)
    {
        var directory = new DirectoryInfo(SkinDirectory(skinName));
        if (!directory.Exists)
            return null;
        var files = new List<SkinFileInfo>();
        foreach (var file in directory.EnumerateFiles())
        {
            // Files written by hand may have upper-case names; lookups are by the lower-case name.
            var name = SkinNames.NormalizeFileName(file.Name);
            if (SkinNames.IsValidFileName(name, out _))
                files.Add(new SkinFileInfo(name, file.Length, file.LastWriteTimeUtc));
        }
        return files;
    }

    /// <inheritdoc/>
    public byte[] ReadFile(string skinName, string fileName)
    {
        var directory = SkinDirectory(skinName);
        var path = Path.Combine(directory, fileName);
        if (File.Exists(path))
            return File.ReadAllBytes(path);
        // A file copied in by hand may not be lower-case.
        foreach (var candidate in Directory.EnumerateFiles(directory))
        {
            if (string.Equals(Path.GetFileName(candidate), fileName, StringComparison.OrdinalIgnoreCase))
                return File.ReadAllBytes(candidate);
        }
        throw new FileNotFoundException($"No file {fileName} in {directory}.", path);
    }

    /// <summary>The directory of a skin at this level (<c>""</c> is the Unnamed skin).</summary>
    public string SkinDirectory(string skinName) =>
        Path.Combine(Root, skinName.Length == 0 ? SkinNames.UnnamedDirectory : skinName);
}
