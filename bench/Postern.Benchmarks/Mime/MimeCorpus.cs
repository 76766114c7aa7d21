namespace Postern.Benchmarks.Mime;

/// <summary>The MIME test corpus the parser tests use (tests/Postern.Mime.Tests/TestData/corpus, see its SOURCE.md).</summary>
internal static class MimeCorpus
{
    private static readonly string[] s_messageFolders = ["messages", "benchmark", "dkim", "partial", "smime", "openpgp", "yenc", "tnef"];

    public static string Root { get; } = TestDataFiles.Path("Postern.Mime.Tests", "corpus");

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));

    /// <summary>Single-message files, as the corpus's throughput baseline counts them (no encoder data, no golden files).</summary>
    public static IEnumerable<string> MessageFiles() =>
        s_messageFolders
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Root, folder)))
            .Where(path => !path.EndsWith(".tree.txt", StringComparison.Ordinal) && !path.EndsWith(".xml", StringComparison.Ordinal)
                && Path.GetFileName(path) != "state-changes.ntx")
            .Order(StringComparer.Ordinal);

    /// <summary>The four mbox inputs.</summary>
    public static IEnumerable<string> MboxFiles() => Directory.GetFiles(Path.Combine(Root, "mbox"), "*.mbox.txt").Order(StringComparer.Ordinal);
}
