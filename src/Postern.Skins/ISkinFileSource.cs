namespace Postern.Skins;

/// <summary>A file in one skin: its lower-case name, size and modification time.</summary>
public sealed record SkinFileInfo(string Name, long Length, DateTime LastModifiedUtc);

/// <summary>
/// One level of skins (stock, server-wide, or one domain's): the skins it has and their files. The stock
/// level can be any source (the shipped folder, embedded resources); the server and domain levels are
/// directories under the data directory.
/// </summary>
public interface ISkinFileSource
{
    /// <summary>The skins at this level: <c>""</c> when the Unnamed skin exists, and the named skins as spelled.</summary>
    IReadOnlyList<string> ListSkins();

    /// <summary>The files of one skin (names lower-case), or <see langword="null"/> when the skin does not exist.</summary>
    IReadOnlyList<SkinFileInfo>? ListFiles(string skinName);

    /// <summary>The content of one file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    byte[] ReadFile(string skinName, string fileName);
}
