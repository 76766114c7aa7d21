namespace Postern.Benchmarks;

/// <summary>Finds files under a test project's TestData folder, so benchmarks measure the same inputs the tests use.</summary>
internal static class TestDataFiles
{
    public static string Path(string testProject, params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Postern.slnx")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException("Postern.slnx not found above " + AppContext.BaseDirectory);
        return System.IO.Path.Combine([directory.FullName, "tests", testProject, "TestData", .. parts]);
    }
}
