using Microsoft.Playwright;

namespace Postern.WebUser.BrowserTests;

/// <summary>Saves page screenshots as test artifacts: <c>artifacts/screenshots/&lt;skin&gt;/&lt;page&gt;.png</c> under the repository root.</summary>
internal static class Screenshots
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task SaveAsync(IPage page, string skin, string name)
    {
        var path = Path.Combine(Directory, skin, name + ".png");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Postern.slnx")))
                return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
