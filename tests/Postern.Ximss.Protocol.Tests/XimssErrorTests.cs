using System.Reflection;

namespace Postern.Ximss.Protocol.Tests;

public class XimssErrorTests
{
    private static readonly XimssError[] s_catalogue = typeof(XimssError)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(XimssError))
        .Select(p => (XimssError)p.GetValue(null)!)
        .ToArray();

    [Fact]
    public void CgpTextsAndNumbersAreKeptWordForWord()
    {
        Assert.Equal(new XimssError(500, "unknown command"), XimssError.UnknownCommand);
        Assert.Equal(new XimssError(515, "incorrect password or account name"), XimssError.IncorrectCredentials);
        Assert.Equal("folder has already been opened", XimssError.FolderAlreadyOpen.Text);
        Assert.Equal("folder has not been opened", XimssError.FolderNotOpen.Text);
        Assert.Equal("XIMSS request sequence error", XimssError.RequestSequence.Text);
    }

    [Fact]
    public void EveryFixedErrorHasItsOwnNumber()
    {
        Assert.Equal(s_catalogue.Length, s_catalogue.Select(e => e.Number).Distinct().Count());
    }

    [Fact]
    public void EveryFixedErrorIsInTheDocumentedTable()
    {
        var table = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "ximss.md"))
            .SkipWhile(line => line != "## 9. Errors")
            .TakeWhile(line => line != "## 10. Decisions at a glance")
            .Where(line => line.StartsWith("| 5", StringComparison.Ordinal))
            .ToArray();

        foreach (var error in s_catalogue)
            Assert.Contains(table, row => row.StartsWith($"| {error.Number} | `{error.Text}", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Postern.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Postern.slnx not found above " + AppContext.BaseDirectory);
    }
}
