namespace Postern.Testing;

/// <summary>Locates files under the test project's <c>TestData/</c> folder (copied to the output folder).</summary>
internal static class TestData
{
    public static string Root { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(Path(parts));

    public static string Text(params string[] parts) => File.ReadAllText(Path(parts));

    /// <summary>True when golden files should be rewritten from actual output (<c>POSTERN_UPDATE_GOLDEN=1</c>).</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("POSTERN_UPDATE_GOLDEN") == "1";

    /// <summary>The source-tree copy of a TestData file, for rewriting golden files.</summary>
    public static string SourcePath(string projectDirectoryName, params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Postern.slnx")))
            dir = dir.Parent;
        if (dir is null)
            throw new InvalidOperationException("Postern.slnx not found above " + AppContext.BaseDirectory);
        return System.IO.Path.Combine([dir.FullName, "tests", projectDirectoryName, "TestData", .. parts]);
    }
}
