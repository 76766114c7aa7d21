using System.Text;
using Postern.Testing;

namespace Postern.Skins.Tests;

/// <summary>A temporary data directory with the test stock skins; files can be placed at every level.</summary>
internal sealed class SkinFixture : IDisposable
{
    public SkinFixture(TimeSpan? changeCheckInterval = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "postern-skins-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Options = new SkinOptions
        {
            DataDirectory = DataDirectory,
            StockSkins = new DirectorySkinSource(TestData.Path("Stock")),
            ChangeCheckInterval = changeCheckInterval ?? TimeSpan.FromHours(1),
        };
    }

    public string DataDirectory { get; }

    public SkinOptions Options { get; }

    /// <summary>Writes a file straight into a server (domain null) or domain skin, creating the skin.</summary>
    public void Put(string? domain, string skin, string fileName, string content)
    {
        var level = domain is null ? Path.Combine(DataDirectory, "skins", "server") : Path.Combine(DataDirectory, "skins", "domains", domain);
        var directory = Path.Combine(level, skin.Length == 0 ? "_unnamed" : skin);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, fileName), content, new UTF8Encoding(false));
    }

    public void CreateSkin(string? domain, string skin) => Put(domain, skin, ".keep", "");

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
