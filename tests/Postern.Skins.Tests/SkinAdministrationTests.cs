using System.Formats.Tar;
using System.Text;

namespace Postern.Skins.Tests;

public class SkinAdministrationTests
{
    private static byte[] Tar(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = name.EndsWith('/')
                    ? new PaxTarEntry(TarEntryType.Directory, name)
                    : new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
                writer.WriteEntry(entry);
            }
        }
        return stream.ToArray();
    }

    private static string Text(SkinFile file) => Encoding.UTF8.GetString(file.Content.Span);

    [Fact]
    public void ServerLevelAlwaysListsItsUnnamedSkin()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        Assert.Equal([new SkinSummary("", SkinKind.Regular, 0)], administration.ListSkins(null));
        Assert.Empty(administration.ListSkins("example.com"));
    }

    [Fact]
    public void SkinsAreCreatedListedRenamedAndRemoved()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        administration.CreateSkin("Example.COM", null);
        administration.CreateSkin("example.com", "Golden");
        administration.CreateSkin("example.com", "WMLGold");
        administration.Upload("example.com", "golden", "logo.gif", "x"u8);

        Assert.Equal(
            [new SkinSummary("", SkinKind.Regular, 0), new SkinSummary("Golden", SkinKind.Regular, 1), new SkinSummary("WMLGold", SkinKind.Wml, 0)],
            administration.ListSkins("example.com"));

        administration.RenameSkin("example.com", "WMLGold", "WMLSilver");
        administration.RemoveSkin("example.com", "WMLSilver");

        Assert.Equal(["", "Golden"], administration.ListSkins("example.com").Select(s => s.Name));
    }

    [Fact]
    public void CreatingAnExistingSkinFailsWhateverTheCase()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);
        administration.CreateSkin(null, "Golden");

        var error = Assert.Throws<SkinException>(() => administration.CreateSkin(null, "GOLDEN"));

        Assert.Equal("The server skin Golden already exists.", error.Message);
    }

    [Theory]
    [InlineData("", "A skin name cannot be empty (the Unnamed skin has no name).")]
    [InlineData("_private", "A skin name starts with a letter or a digit.")]
    [InlineData("Gold en", "A skin name has only letters, digits, '-', '_' and '.'.")]
    [InlineData("../x", "A skin name starts with a letter or a digit.")]
    public void InvalidSkinNamesAreRejected(string name, string message)
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);
        administration.CreateSkin(null, "Golden");

        Assert.Equal(message, Assert.Throws<SkinException>(() => administration.RenameSkin(null, "Golden", name)).Message);
    }

    [Fact]
    public void OnlyEmptySkinsCanBeRemoved()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);
        administration.CreateSkin("example.com", null);
        administration.CreateSkin("example.com", "Golden");
        administration.Upload("example.com", "Golden", "logo.gif", "x"u8);

        Assert.Equal("The domain example.com skin Golden still has 1 files; delete them first.",
            Assert.Throws<SkinException>(() => administration.RemoveSkin("example.com", "Golden")).Message);
        Assert.Equal("The domain example.com unnamed skin can be removed only after every named skin is removed.",
            Assert.Throws<SkinException>(() => administration.RemoveSkin("example.com", null)).Message);

        administration.DeleteFile("example.com", "Golden", "LOGO.GIF");
        administration.RemoveSkin("example.com", "Golden");
        administration.RemoveSkin("example.com", null);
        Assert.Empty(administration.ListSkins("example.com"));
    }

    [Fact]
    public void DomainUnnamedSkinMustBeCreatedBeforeUploading()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        var error = Assert.Throws<SkinException>(() => administration.Upload("example.com", null, "logo.gif", "x"u8));

        Assert.Equal("Domain example.com has no Unnamed skin; create it first (postern skin create --domain example.com).", error.Message);
    }

    [Fact]
    public void UploadedFileNamesAreLowerCased()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        var result = administration.Upload(null, null, "Logo.GIF", "x"u8);

        Assert.Equal(["logo.gif"], result.StoredFiles);
        Assert.True(File.Exists(Path.Combine(fixture.DataDirectory, "skins", "server", "_unnamed", "logo.gif")));
    }

    [Fact]
    public void WsspThatDoesNotCompileIsRefusedWithTheErrorMarked()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);
        administration.Upload(null, null, "page.wssp", "old page"u8);

        var result = administration.Upload(null, null, "page.wssp", "<p>\n<!--%%IF x-->yes<!--%%ENDFOR-->"u8);

        Assert.False(result.Succeeded);
        Assert.Equal("page.wssp:2:17: Expected ENDIF to close the IF on line 2 but found ENDFOR.", result.Error!.ToString());
        Assert.Equal("<p>\n<!--%%IF x-->yes<--ERROR--><!--%%ENDFOR-->", result.Error.MarkedText);
        Assert.Equal("old page", Text(administration.Download(null, null, "page.wssp")));
    }

    [Fact]
    public void DataFileThatDoesNotParseIsRefused()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        var result = administration.Upload(null, null, "strings.data", "{\n  Title = \n}"u8);

        Assert.Equal("strings.data:3:1: Expected an object but found '}'.", result.Error!.ToString());
        Assert.Equal("{\n  Title = \n<--ERROR-->}", result.Error.MarkedText);
        Assert.Equal("german.data:1:1: A Text Dataset must be a dictionary ({...}).",
            administration.Upload(null, null, "german.data", "(a,b)"u8).Error!.ToString());
        Assert.DoesNotContain(administration.ListFiles(null, null), f => f.IsOwn);
    }

    [Fact]
    public void TarArchiveIsUnpackedFileByFile()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);
        administration.CreateSkin(null, "Golden");
        var archive = Tar(("./", ""), ("./Mailbox.wssp", "%%mailbox%%"), ("./strings.data", "{Title=x;}"), ("./._Mailbox.wssp", "junk"), ("logo.gif", "gif"));

        var result = administration.Upload(null, "Golden", "golden.tar", archive);

        Assert.True(result.Succeeded);
        Assert.Equal(["mailbox.wssp", "strings.data", "logo.gif"], result.StoredFiles);
        Assert.Equal(["._Mailbox.wssp"], result.SkippedFiles);
        Assert.Equal("%%mailbox%%", Text(administration.Download(null, "Golden", "mailbox.wssp")));
    }

    [Fact]
    public void TarWithABadMemberStoresNothing()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);
        var archive = Tar(("good.wssp", "fine"), ("bad.wssi", "%%unclosed"));

        var result = administration.Upload(null, null, "skin.tar", archive);

        Assert.Equal("bad.wssi:1:1: The text element %% is not closed with %% on the same line.", result.Error!.ToString());
        Assert.DoesNotContain(administration.ListFiles(null, null), f => f.Name == "good.wssp");
    }

    [Fact]
    public void TarWithSubdirectoriesIsRefused()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        var result = administration.Upload(null, null, "skin.tar", Tar(("skin/logo.gif", "x")));

        Assert.StartsWith("skin/logo.gif: Skins are flat", result.Error!.ToString());
    }

    [Fact]
    public void GarbageTarIsRefused()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        var result = administration.Upload(null, null, "skin.tar", Encoding.ASCII.GetBytes(new string('x', 1024)));

        Assert.StartsWith("skin.tar: The file is not a valid tar archive", result.Error!.ToString());
    }

    [Fact]
    public void UploadLimitsAreEnforced()
    {
        using var fixture = new SkinFixture();
        var options = new SkinOptions
        {
            DataDirectory = fixture.DataDirectory,
            Limits = new SkinLimits { MaxFileBytes = 4, MaxFilesPerSkin = 2 },
        };
        var administration = new SkinAdministration(options);

        Assert.Equal("big.gif: The file is larger than the limit of 4 bytes.", administration.Upload(null, null, "big.gif", "12345"u8).Error!.ToString());
        administration.Upload(null, null, "a.gif", "1"u8);
        administration.Upload(null, null, "b.gif", "2"u8);
        administration.Upload(null, null, "a.gif", "3"u8); // replacing does not add a file
        Assert.Equal("The server unnamed skin would hold 3 files, more than the limit of 2.",
            Assert.Throws<SkinException>(() => administration.Upload(null, null, "c.gif", "4"u8)).Message);
    }

    [Theory]
    [InlineData(".hidden", "A file name cannot start with '.'.")]
    [InlineData("a b.gif", "The file name \"a b.gif\" has a character skins do not allow (spaces, / \\ : * ? \" < > | % or non-ASCII).")]
    [InlineData("x/../y.gif", "The file name \"x/../y.gif\" has a character skins do not allow (spaces, / \\ : * ? \" < > | % or non-ASCII).")]
    public void InvalidFileNamesAreRefused(string name, string message)
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        Assert.Equal(message, administration.Upload(null, null, name, "x"u8).Error!.Message);
    }

    [Fact]
    public void FilesListShowsOwnAndInheritedFiles()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);
        administration.CreateSkin("example.com", "Golden");
        administration.Upload("example.com", "Golden", "style.css", "mine"u8);

        var files = administration.ListFiles("example.com", "Golden").ToDictionary(f => f.Name);

        Assert.True(files["style.css"].IsOwn);
        Assert.Equal(4, files["style.css"].Length);
        Assert.False(files["footer.wssi"].IsOwn);
        Assert.Equal(new SkinIdentity(SkinLevel.Stock, null, "Golden"), files["footer.wssi"].Origin);
        Assert.Equal(new SkinIdentity(SkinLevel.Stock, null, ""), files["logo.gif"].Origin);
        Assert.Equal("stock unnamed logo\n", Text(administration.Download("example.com", "Golden", "Logo.gif")));
    }

    [Fact]
    public void InheritedFilesCannotBeDeleted()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        var error = Assert.Throws<SkinException>(() => administration.DeleteFile(null, null, "logo.gif"));

        Assert.Equal("The server unnamed skin has no file logo.gif of its own.", error.Message);
    }

    [Fact]
    public void MissingSkinsAndFilesAreReportedClearly()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        Assert.Equal("There is no server skin Nope.", Assert.Throws<SkinException>(() => administration.ListFiles(null, "Nope")).Message);
        Assert.Equal("There is no file none.gif in the server unnamed skin or the skins it inherits from.",
            Assert.Throws<SkinException>(() => administration.Download(null, null, "none.gif")).Message);
        Assert.Equal("The Unnamed skin cannot be renamed.", Assert.Throws<SkinException>(() => administration.RenameSkin(null, "", "X")).Message);
    }

    [Fact]
    public void UploadLeavesNoTemporaryFiles()
    {
        using var fixture = new SkinFixture();
        var administration = new SkinAdministration(fixture.Options);

        administration.Upload(null, null, "a.gif", "1"u8);

        Assert.Equal(["a.gif"], Directory.GetFiles(Path.Combine(fixture.DataDirectory, "skins", "server", "_unnamed")).Select(Path.GetFileName));
    }
}
