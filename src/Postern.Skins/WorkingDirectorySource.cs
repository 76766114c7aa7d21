namespace Postern.Skins;

/// <summary>A plain directory of skin files seen as one (unnamed) skin: a skin author's working copy.</summary>
internal sealed class WorkingDirectorySource(string directory) : ISkinFileSource
{
    public string Directory { get; } = directory;

    public IReadOnlyList<string> ListSkins() => [""];

    public IReadOnlyList<SkinFileInfo>? ListFiles(string skinName) =>
        [.. new DirectoryInfo(Directory).EnumerateFiles()
            .Select(f => new SkinFileInfo(SkinNames.NormalizeFileName(f.Name), f.Length, f.LastWriteTimeUtc))
            .Where(f => SkinNames.IsValidFileName(f.Name, out _))];

    public byte[] ReadFile(string skinName, string fileName) =>
        File.ReadAllBytes(System.IO.Directory.EnumerateFiles(Directory)
            .First(p => string.Equals(Path.GetFileName(p), fileName, StringComparison.OrdinalIgnoreCase)));
}
