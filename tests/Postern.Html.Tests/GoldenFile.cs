using Postern.Testing;

namespace Postern.Html.Tests;

/// <summary>Golden files beside their inputs under TestData; <c>POSTERN_UPDATE_GOLDEN=1</c> rewrites them.</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string relativePath, string actual)
    {
        var parts = relativePath.Split('/');
        if (TestData.UpdateGolden)
        {
            File.WriteAllText(TestData.SourcePath("Postern.Html.Tests", parts), actual);
            return;
        }
        var path = TestData.Path(parts);
        Assert.True(File.Exists(path), $"Golden file {relativePath} is missing; run the tests with POSTERN_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    /// <summary>The golden form of a sanitiser result: its flags, what it removed, then the fragment.</summary>
    public static string Describe(SanitizedHtml result) =>
        $"remote content blocked: {(result.RemoteContentBlocked ? "yes" : "no")}\n"
        + $"truncated: {(result.Truncated ? "yes" : "no")}\n"
        + $"removed: {string.Join(", ", result.Removed)}\n"
        + "----\n"
        + result.Html + "\n";

    /// <summary>Input files of a TestData folder (every <c>*.html</c> that is not itself a golden file).</summary>
    public static TheoryData<string> Inputs(string folder) =>
        new(Directory.GetFiles(TestData.Path(folder), "*.html")
            .Where(path => !path.EndsWith(".expected.html", StringComparison.Ordinal))
            .Select(path => folder + "/" + Path.GetFileName(path))
            .Order(StringComparer.Ordinal));

    public static string ExpectedPath(string input) => input[..^".html".Length] + ".expected.html";
}
