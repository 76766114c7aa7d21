using Postern.Testing;

namespace Postern.Mime.Tests.Corpus;

/// <summary>The message files of the corpus (TestData/corpus, see its SOURCE.md).</summary>
internal static class CorpusFiles
{
    /// <summary>Folders of single messages; mbox/ and encoders/ hold other kinds of data.</summary>
    private static readonly string[] s_messageFolders = ["messages", "benchmark", "dkim", "partial", "smime", "openpgp", "yenc", "tnef"];

    /// <summary>Relative paths ("messages/bounce.txt") of every single-message file.</summary>
    public static IEnumerable<string> Messages() =>
        s_messageFolders
            .SelectMany(folder => Directory.GetFiles(TestData.Path("corpus", folder)))
            .Where(path => !path.EndsWith(".tree.txt", StringComparison.Ordinal) && !path.EndsWith(".xml", StringComparison.Ordinal)
                && Path.GetFileName(path) != "state-changes.ntx")
            .Select(path => Path.GetRelativePath(TestData.Path("corpus"), path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> MessageTheoryData() => new(Messages());

    public static byte[] Bytes(string relativePath) => TestData.Bytes(["corpus", .. relativePath.Split('/')]);

    /// <summary>Compares <paramref name="actual"/> with a golden file beside the input, or rewrites it when asked.</summary>
    public static void AssertGolden(string goldenRelativePath, string actual)
    {
        var parts = goldenRelativePath.Split('/');
        if (TestData.UpdateGolden)
        {
            File.WriteAllText(TestData.SourcePath("Postern.Mime.Tests", ["corpus", .. parts]), actual);
            return;
        }

        var path = TestData.Path(["corpus", .. parts]);
        Assert.True(File.Exists(path), $"Golden file {goldenRelativePath} is missing; run the tests with POSTERN_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
