using Postern.Data;
using Postern.Templates;

namespace Postern.WebUser.Tests;

/// <summary>The stock skins shipped with Postern are well-formed.</summary>
public class StockSkinTests
{
    public static TheoryData<string> SkinFiles() =>
        new(Directory.EnumerateFiles(WebUserServiceCollectionExtensions.StockSkinsDirectory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".wssp", StringComparison.Ordinal) || f.EndsWith(".wssi", StringComparison.Ordinal) || f.EndsWith(".data", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(WebUserServiceCollectionExtensions.StockSkinsDirectory, f))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SkinFiles))]
    public void EveryPageCompilesAndEveryTextDatasetParses(string file)
    {
        var path = Path.Combine(WebUserServiceCollectionExtensions.StockSkinsDirectory, file);
        var text = File.ReadAllText(path);
        if (file.EndsWith(".data", StringComparison.Ordinal))
            Assert.IsType<DataDictionary>(DataParser.ParseDictionary(text, file));
        else
            Assert.NotNull(WsspCompiler.Compile(text, Path.GetFileName(file)));
    }

    [Theory]
    [MemberData(nameof(SkinFiles))]
    public void FileNamesAreLowerCase(string file) => Assert.Equal(file.ToLowerInvariant().Replace("harbor", "Harbor", StringComparison.Ordinal), file);

    [Fact]
    public void EveryComponentHasAPageInTheUnnamedSkin()
    {
        var unnamed = Path.Combine(WebUserServiceCollectionExtensions.StockSkinsDirectory, "_unnamed");
        var pages = new[]
        {
            "login", "wlogin", "resume", "wresume", "disconnected", "moved", "notfound", "unauthorized", "denied", "failure", "error", "hello", "bye", "alerts",
            "mailboxes", "mailbox", "message", "compose", "mailboxsettings", "subscription", "password", "publicinfo", "contacts", "notes",
            "rfc822message", "rfc822header", "attachmentpart", "imagepart", "deliveryreportpart", "dispositionreportpart", "signedpart", "encryptedpart",
            "wmailboxes", "wmailbox", "wmessage", "wcompose", "wbye", "walerts", "wdisconnected",
        };

        var missing = pages.Where(p => !File.Exists(Path.Combine(unnamed, p + ".wssp"))).ToArray();
        Assert.True(missing.Length == 0, "missing pages: " + string.Join(", ", missing));
    }
}
