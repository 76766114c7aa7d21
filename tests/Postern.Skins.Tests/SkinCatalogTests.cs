using System.Text;
using Postern.Data;
using Postern.Templates;

namespace Postern.Skins.Tests;

public class SkinCatalogTests
{
    private static string Text(SkinFile? file) => file is null ? "(none)" : Encoding.UTF8.GetString(file.Content.Span).TrimEnd('\n');

    [Fact]
    public void WithOnlyStockSkinsEveryDomainSeesTheStockUnnamedSkin()
    {
        using var fixture = new SkinFixture();
        var catalog = new SkinCatalog(fixture.Options);

        var skin = catalog.Select("example.com", null);

        Assert.Equal(new SkinIdentity(SkinLevel.Server, null, ""), skin.Skin);
        Assert.Equal("stock unnamed logo", Text(skin.FindFile("logo.gif")));
        Assert.Equal(SkinLevel.Stock, skin.FindFile("logo.gif")!.Skin.Level);
    }

    [Fact]
    public void EachLevelShadowsTheOnesAfterItForAFile()
    {
        using var fixture = new SkinFixture();
        fixture.Put(null, "", "logo.gif", "server unnamed logo");
        fixture.Put(null, "Golden", "style.css", "server golden style");
        fixture.Put("example.com", "Golden", "footer.wssi", "domain golden footer");
        fixture.Put("example.com", "", "logo.gif", "domain unnamed logo");
        var catalog = new SkinCatalog(fixture.Options);

        var golden = catalog.Select("example.com", "Golden");

        Assert.Equal(new SkinIdentity(SkinLevel.Domain, "example.com", "Golden"), golden.Skin);
        Assert.Equal("domain golden footer", Text(golden.FindFile("footer.wssi")));   // the selected skin
        Assert.Equal("server golden style", Text(golden.FindFile("style.css")));      // server skin of the same name
        Assert.Equal("Hello from Golden", DataParser.ParseDictionary(Text(golden.FindFile("strings.data")))["Hello"].AsString); // stock Golden
        Assert.Equal("server unnamed logo", Text(golden.FindFile("logo.gif")));       // unnamed server skin, not the domain's unnamed
        Assert.Equal("(none)", Text(golden.FindFile("nothing.gif")));

        var unnamed = catalog.Select("example.com", "");
        Assert.Equal("domain unnamed logo", Text(unnamed.FindFile("logo.gif")));
        Assert.Equal("<footer>stock unnamed footer</footer>", Text(unnamed.FindFile("footer.wssi")));
    }

    [Fact]
    public void OtherDomainsDoNotSeeADomainsSkins()
    {
        using var fixture = new SkinFixture();
        fixture.Put("example.com", "Blue", "style.css", "blue");
        var catalog = new SkinCatalog(fixture.Options);

        Assert.Equal(SkinLevel.Domain, catalog.Select("example.com", "Blue").Skin.Level);
        Assert.Equal(new SkinIdentity(SkinLevel.Stock, null, ""), catalog.Select("other.org", "Blue").Skin);
        Assert.Equal(new SkinIdentity(SkinLevel.Stock, null, ""), catalog.Select(null, "Blue").Skin);
    }

    [Fact]
    public void FileAndSkinNamesAreCaseInsensitive()
    {
        using var fixture = new SkinFixture();
        var catalog = new SkinCatalog(fixture.Options);

        var skin = catalog.Select("EXAMPLE.com", "golden");

        Assert.Equal(new SkinIdentity(SkinLevel.Stock, null, "Golden"), skin.Skin);
        Assert.Equal("stock golden style", Text(skin.FindFile("Style.CSS")));
        Assert.Equal("style.css", skin.FindFile("STYLE.css")!.Name);
        Assert.Same(skin, catalog.Select("example.com", "GOLDEN"));
    }

    public static TheoryData<string?, string, string> Strings() => new()
    {
        // Default language: strings.data through the lookup order.
        { null, "Hello", "Hello from Golden" },
        { null, "Title", "Stock Title" },
        { null, "OnlyStockUnnamed", "stock unnamed default" },
        // German: german.data through the whole lookup order first, then strings.data through it.
        { "german", "Hello", "Hallo von Golden" },
        { "German", "Title", "Stock-Titel" },
        { "german", "OnlyStockUnnamedGerman", "stock unnamed german" },
        { "german", "OnlyStockGolden", "stock golden default" },
        { "german", "OnlyStockUnnamed", "stock unnamed default" },
        // A language no skin has falls back to the default language.
        { "french", "Hello", "Hello from Golden" },
        // A name that is not a language name is treated as the default language.
        { "../strings", "Hello", "Hello from Golden" },
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void TextDatasetFallsBackThroughLanguagesAndParents(string? language, string key, string expected)
    {
        using var fixture = new SkinFixture();
        var catalog = new SkinCatalog(fixture.Options);

        Assert.Equal(expected, catalog.Select(null, "Golden").Strings(language).Find(key)?.AsString);
    }

    [Fact]
    public void LanguageFileOfAParentWinsOverTheDefaultFileOfTheSelectedSkin()
    {
        using var fixture = new SkinFixture();
        fixture.Put("example.com", "Golden", "strings.data", "{ Title = \"Domain default title\"; Extra = domain; }");
        fixture.Put(null, "Golden", "german.data", "{ Extra = \"Server-Deutsch\"; }");
        var catalog = new SkinCatalog(fixture.Options);
        var skin = catalog.Select("example.com", "Golden");

        var german = skin.Strings("german");

        Assert.Equal("Stock-Titel", german.Find("Title")?.AsString);       // stock unnamed german.data beats domain strings.data
        Assert.Equal("Server-Deutsch", german.Find("Extra")?.AsString);
        Assert.Equal("Domain default title", skin.Strings(null).Find("Title")?.AsString);
    }

    [Fact]
    public void PagesCompileOnceAndIncludeThroughTheHierarchy()
    {
        using var fixture = new SkinFixture();
        fixture.Put("example.com", "Golden", "header.wssi", "<h2>%%STRING(\"Title\")%%</h2>");
        var catalog = new SkinCatalog(fixture.Options);
        var skin = catalog.Select("example.com", "Golden");

        var page = skin.FindTemplate("Hello.wssp")!;
        var context = new TemplateContext(new DataDictionary()) { Includes = skin, Strings = skin.Strings("german") };

        Assert.Same(page, skin.FindTemplate("hello.wssp"));
        Assert.Equal("<h2>Stock-Titel</h2>Hallo von Golden<footer>golden footer</footer>\n\n", page.Render(context).Text);
        Assert.Null(skin.FindTemplate("missing.wssp"));
    }

    [Fact]
    public void BrokenPageReportsItsSkinPathLineAndColumn()
    {
        using var fixture = new SkinFixture();
        fixture.Put(null, "Golden", "broken.wssp", "ok\n<!--%%IF x-->");
        var skin = new SkinCatalog(fixture.Options).Select(null, "Golden");

        var error = Assert.Throws<TemplateCompileException>(() => skin.FindTemplate("broken.wssp"));
        Assert.Equal("server/Golden/broken.wssp:2:1: IF is not closed with ENDIF.", error.Message);
        Assert.Throws<TemplateCompileException>(() => skin.FindTemplate("broken.wssp"));
    }

    [Fact]
    public void FilesRefCarriesDomainSkinAndAVersionThatChangesWithTheFiles()
    {
        using var fixture = new SkinFixture();
        var catalog = new SkinCatalog(fixture.Options);
        var administration = new SkinAdministration(fixture.Options, catalog);
        administration.CreateSkin("example.com", "Golden");

        var before = catalog.Select("example.com", "golden");
        Assert.Matches("^/SkinFiles/example\\.com/Golden/[0-9a-f]{12}/$", before.FilesRef);
        Assert.Equal(before.FilesRef, catalog.Select("example.com", "Golden").FilesRef);

        administration.Upload("example.com", "Golden", "logo.gif", "new logo"u8);
        var after = catalog.Select("example.com", "Golden");

        Assert.NotEqual(before.Version, after.Version);
        Assert.Matches("^/SkinFiles///[0-9a-f]{12}/$", catalog.Select(null, null).FilesRef);
    }

    [Fact]
    public void SkinFilesUrlLeadsBackToTheFile()
    {
        using var fixture = new SkinFixture();
        fixture.Put("example.com", "Golden", "logo.gif", "domain golden logo");
        var catalog = new SkinCatalog(fixture.Options);
        var filesRef = catalog.Select("example.com", "Golden").FilesRef;

        Assert.True(SkinFilesPath.TryParse(filesRef + "Logo.GIF", out var path));

        Assert.Equal(new SkinFilesPath("example.com", "Golden", catalog.Select("example.com", "Golden").Version, "logo.gif"), path);
        Assert.Equal("domain golden logo", Text(catalog.FindFile(path)));
        Assert.True(SkinFilesPath.TryParse("/SkinFiles//Golden/style.css", out var legacy));
        Assert.Equal(new SkinFilesPath(null, "Golden", null, "style.css"), legacy);
        Assert.Equal("stock golden style", Text(catalog.FindFile(legacy)));
    }

    [Theory]
    [InlineData("/Session/x/logo.gif")]
    [InlineData("/SkinFiles/a/b/c/d/e.gif")]
    [InlineData("/SkinFiles/example.com/Golden")]
    [InlineData("/SkinFiles/example.com/Gol den/v/x.gif")]
    [InlineData("/SkinFiles/example.com/Golden/v/..")]
    [InlineData("/SkinFiles/bad..domain/Golden/v/x.gif")]
    public void MalformedSkinFilesPathsAreRejected(string path)
    {
        Assert.False(SkinFilesPath.TryParse(path, out _));
    }

    [Fact]
    public void UploadInThisProcessInvalidatesTheCacheAtOnce()
    {
        using var fixture = new SkinFixture();
        var catalog = new SkinCatalog(fixture.Options);
        var administration = new SkinAdministration(fixture.Options, catalog);
        Assert.Equal("stock unnamed logo", Text(catalog.Select(null, null).FindFile("logo.gif")));

        administration.Upload(null, null, "logo.gif", "server logo"u8);

        Assert.Equal("server logo", Text(catalog.Select(null, null).FindFile("logo.gif")));
    }

    [Fact]
    public void ChangesByAnotherProcessAreNoticedThroughTheStamp()
    {
        using var fixture = new SkinFixture(changeCheckInterval: TimeSpan.Zero);
        var serving = new SkinCatalog(fixture.Options);
        Assert.Equal("stock unnamed logo", Text(serving.Select(null, null).FindFile("logo.gif")));

        // Another process: its own administration, no reference to the serving catalog.
        new SkinAdministration(fixture.Options).Upload(null, null, "logo.gif", "uploaded elsewhere"u8);

        Assert.Equal("uploaded elsewhere", Text(serving.Select(null, null).FindFile("logo.gif")));
    }

    [Fact]
    public void WmlAndCHtmlSkinsAreKeptOutOfTheRegularList()
    {
        using var fixture = new SkinFixture();
        fixture.CreateSkin(null, "Blue");
        fixture.CreateSkin("example.com", "Red");
        fixture.CreateSkin("example.com", "WMLRed");
        var catalog = new SkinCatalog(fixture.Options);

        Assert.Equal(["Blue", "Golden", "Red"], catalog.AvailableSkins("example.com", SkinKind.Regular));
        Assert.Equal(["Blue", "Golden"], catalog.AvailableSkins(null, SkinKind.Regular));
        Assert.Equal(["WMLBasic", "WMLRed"], catalog.AvailableSkins("example.com", SkinKind.Wml));
        Assert.Equal(["IModeBasic"], catalog.AvailableSkins("example.com", SkinKind.CHtml));
    }

    [Fact]
    public void InvalidDomainIsRejected()
    {
        using var fixture = new SkinFixture();
        var catalog = new SkinCatalog(fixture.Options);

        Assert.Throws<ArgumentException>(() => catalog.Select("../etc", null));
    }

    [Fact]
    public void ContentTypeComesFromTheExtension()
    {
        Assert.Equal("image/gif", SkinContentTypes.For("logo.gif"));
        Assert.Equal("text/css; charset=utf-8", SkinContentTypes.For("style.css"));
        Assert.Equal("application/octet-stream", SkinContentTypes.For("strings.data"));
    }

    [Fact]
    public void WorkingDirectoryIsLookedUpBeforeTheSelectedSkin()
    {
        using var fixture = new SkinFixture();
        var working = Path.Combine(fixture.DataDirectory, "work");
        Directory.CreateDirectory(working);
        File.WriteAllText(Path.Combine(working, "Footer.wssi"), "<footer>working footer</footer>");
        File.WriteAllText(Path.Combine(working, "german.data"), "{ Hello = \"Hallo aus der Arbeitskopie\"; }");
        var skin = new SkinCatalog(fixture.Options).Select(null, "Golden").WithWorkingDirectory(working);

        var context = new TemplateContext(new DataDictionary()) { Includes = skin, Strings = skin.Strings("german") };

        Assert.Equal(SkinLevel.Working, skin.LookupOrder[0].Level);
        Assert.Equal("<h1>Stock-Titel</h1>\nHallo aus der Arbeitskopie<footer>working footer</footer>\n", skin.FindTemplate("hello.wssp")!.Render(context).Text);
    }

    [Fact]
    public void LanguagesNoSkinHasShareTheDefaultDataset()
    {
        using var fixture = new SkinFixture();
        var skin = new SkinCatalog(fixture.Options).Select(null, "Golden");

        Assert.Same(skin.Strings(null), skin.Strings("klingon"));
        Assert.NotSame(skin.Strings(null), skin.Strings("german"));
    }

    [Fact]
    public void AFileAddedAfterAMissIsFoundOnceSkinsChange()
    {
        using var fixture = new SkinFixture();
        var catalog = new SkinCatalog(fixture.Options);
        Assert.Null(catalog.Select(null, null).FindFile("late.gif"));

        new SkinAdministration(fixture.Options, catalog).Upload(null, null, "late.gif", "late"u8);

        Assert.Equal("late", Text(catalog.Select(null, null).FindFile("late.gif")));
    }
}
