using BenchmarkDotNet.Attributes;
using Postern.Skins;
using Postern.Templates;

namespace Postern.Benchmarks.Templates;

/// <summary>
/// Cached skin file lookups through the three-level hierarchy: a domain skin whose file comes from the
/// stock Unnamed skin, the last skin of its lookup order.
/// </summary>
[MemoryDiagnoser]
public class SkinLookupBenchmarks
{
    private string _root = "";
    private SkinCatalog _catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "postern-bench-skins-" + Guid.NewGuid().ToString("N"));
        var stock = Path.Combine(_root, "stock");
        Write(Path.Combine(stock, "_unnamed"), "logo.gif", "stock logo");
        Write(Path.Combine(stock, "Golden"), "style.css", "stock golden");
        foreach (var name in new[] { "mailbox.wssp", "header.wssi", "messagerow.wssi", "footer.wssi" })
            Write(Path.Combine(stock, "_unnamed"), name, MailboxPage.Read(name));
        var data = Path.Combine(_root, "data");
        Write(Path.Combine(data, "skins", "server", "_unnamed"), "favicon.ico", "server icon");
        Write(Path.Combine(data, "skins", "server", "Golden"), "golden.css", "server golden");
        Write(Path.Combine(data, "skins", "domains", "example.com", "Golden"), "header.wssi", MailboxPage.Read("header.wssi"));

        _catalog = new SkinCatalog(new SkinOptions { DataDirectory = data, StockSkins = new DirectorySkinSource(stock) });
        var skin = _catalog.Select("example.com", "Golden");
        if (skin.Skin.Level != SkinLevel.Domain || skin.LookupOrder.Count != 5
            || skin.FindFile("logo.gif")?.Skin != new SkinIdentity(SkinLevel.Stock, null, "")
            || skin.FindTemplate("mailbox.wssp") is null)
            throw new InvalidOperationException("The benchmark skins are not laid out as expected: " + string.Join(", ", skin.LookupOrder));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    /// <summary>Selects the domain skin and finds a file that only the last skin in the lookup order has.</summary>
    [Benchmark]
    public SkinFile? FindFileThroughThreeLevels() => _catalog.Select("example.com", "Golden").FindFile("logo.gif");

    /// <summary>The same, with the file name in another letter case.</summary>
    [Benchmark]
    public SkinFile? FindFileAnyCase() => _catalog.Select("Example.com", "golden").FindFile("LOGO.gif");

    /// <summary>Finds a compiled page (cached after the first compile).</summary>
    [Benchmark]
    public CompiledTemplate? FindCompiledPage() => _catalog.Select("example.com", "Golden").FindTemplate("mailbox.wssp");

    private static void Write(string directory, string name, string content)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name), content);
    }
}
