using System.CommandLine;
using System.Formats.Tar;
using System.Text;
using Postern.Server.Cli;
using Postern.Server.Tests.EndToEnd;
using Postern.Testing;

namespace Postern.Server.Tests;

/// <summary>End-to-end tests of <c>postern skin …</c>, invoking the command tree in-process on a temporary data directory.</summary>
public sealed class SkinCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "postern-skin-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string _data;
    private readonly string _stock = TestData.Path("SkinCommands", "Stock");
    private readonly string _work = TestData.Path("SkinCommands", "Work");

    public SkinCommandTests()
    {
        _data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The verbs as <c>postern</c> has them: <c>skin</c> under a root with the shared <c>--data</c> option.</summary>
    private static readonly RootCommand s_root = new("postern") { CommonOptions.Data, SkinCommands.Create() };

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = s_root;
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await root.Parse(["skin", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private Task<(int Exit, string Output, string Error)> ManageAsync(params string[] args) =>
        RunAsync([.. args, "--data", _data, "--stock", _stock]);

    private string Local(string name, string content)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task ListShowsTheServerUnnamedSkinOnAFreshDataDirectory()
    {
        var (exit, output, _) = await ManageAsync("list");

        Assert.Equal(0, exit);
        Assert.Contains("(unnamed)", output);
        Assert.Contains("Regular", output);
    }

    [Fact]
    public async Task SkinsAreCreatedRenamedAndRemovedPerDomain()
    {
        Assert.Equal((0, "created the domain example.com skin Golden\n", ""), await ManageAsync("create", "Golden", "--domain", "Example.com"));
        Assert.Equal((0, "created the domain example.com skin WMLGold\n", ""), await ManageAsync("create", "WMLGold", "--domain", "example.com"));
        Assert.Equal(0, (await ManageAsync("rename", "WMLGold", "WMLSilver", "-d", "example.com")).Exit);

        var (_, listing, _) = await ManageAsync("list", "--domain", "example.com");
        Assert.Contains("Golden", listing);
        Assert.Contains("WMLSilver", listing);
        Assert.Contains("Wml", listing);
        Assert.DoesNotContain("(unnamed)", listing);

        Assert.Equal((0, "removed the domain example.com skin WMLSilver\n", ""), await ManageAsync("remove", "WMLSilver", "--domain", "example.com"));
        Assert.DoesNotContain("WMLSilver", (await ManageAsync("list", "--domain", "example.com")).Output);
    }

    [Fact]
    public async Task RefusedRequestsExitWithOneAndSayWhy()
    {
        await ManageAsync("create", "Golden");

        Assert.Equal((1, "", "postern: The server skin Golden already exists.\n"), await ManageAsync("create", "golden"));
        Assert.Equal((1, "", "postern: There is no server skin Nope.\n"), await ManageAsync("remove", "Nope"));
        Assert.Equal((1, "", "postern: A skin name starts with a letter or a digit.\n"), await ManageAsync("create", "-x"));
    }

    [Fact]
    public async Task UploadStoresFilesAndDownloadReadsThemBack()
    {
        await ManageAsync("create", "Golden");
        var logo = Local("Logo.GIF", "my logo");

        Assert.Equal((0, "stored logo.gif\n", ""), await ManageAsync("upload", logo, "--skin", "Golden"));

        Assert.Equal((0, "my logo", ""), await ManageAsync("download", "logo.gif", "--skin", "Golden"));
        var target = Path.Combine(_root, "out.gif");
        var (exit, output, _) = await ManageAsync("download", "LOGO.gif", "-s", "Golden", "-o", target);
        Assert.Equal(0, exit);
        Assert.Equal("wrote logo.gif (7 bytes, from the server skin Golden) to " + target + "\n", output);
        Assert.Equal("my logo", File.ReadAllText(target));
    }

    [Fact]
    public async Task DownloadFindsInheritedStockFiles()
    {
        await ManageAsync("create", "Golden");

        Assert.Equal((0, "golden style", ""), await ManageAsync("download", "style.css", "--skin", "Golden"));
        Assert.Equal((0, "stock logo", ""), await ManageAsync("download", "logo.gif", "--skin", "Golden"));
    }

    [Fact]
    public async Task UploadOfAPageThatDoesNotCompileStoresNothingAndShowsTheMarker()
    {
        var page = Local("mailbox.wssp", "<p>%%HTML:x%%\n<!--%%IF y-->");

        var (exit, output, error) = await ManageAsync("upload", page);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal($"postern: {page} was not uploaded: mailbox.wssp:2:1: IF is not closed with ENDIF.\n\n<p>%%HTML:x%%\n<--ERROR--><!--%%IF y-->\n", error);
        Assert.False(File.Exists(Path.Combine(_data, "skins", "server", "_unnamed", "mailbox.wssp")));
    }

    [Fact]
    public async Task TarUploadIsUnpackedFileByFile()
    {
        var archive = Path.Combine(_root, "skin.tar");
        using (var stream = File.Create(archive))
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax))
        {
            foreach (var (name, content) in new[] { ("./Header.wssi", "<h1>x</h1>"), ("./strings.data", "{A=b;}") })
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
        }

        Assert.Equal((0, "stored header.wssi\nstored strings.data\n", ""), await ManageAsync("upload", archive));
        var (_, files, _) = await ManageAsync("files");
        Assert.Matches(@"own\s+header\.wssi", files);
        Assert.Matches(@"own\s+strings\.data", files);
        Assert.Matches(@"default\s+logo\.gif\s+10\s", files);
    }

    [Fact]
    public async Task DeleteRemovesOwnFilesOnly()
    {
        await ManageAsync("upload", Local("a.gif", "a"));

        Assert.Equal((0, "deleted a.gif\n", ""), await ManageAsync("delete", "A.gif"));
        Assert.Equal((1, "", "postern: The server unnamed skin has no file logo.gif of its own.\n"), await ManageAsync("delete", "logo.gif"));
    }

    [Fact]
    public async Task CheckReportsEachFileAndFailsOnErrors()
    {
        var good = Path.Combine(_work, "page.wssp");
        var bad = Path.Combine(_work, "unclosed.wssp");
        var data = Path.Combine(_work, "broken.data");

        var (exit, output, error) = await RunAsync("check", good, bad, data);

        Assert.Equal(1, exit);
        Assert.Equal($"{good}: ok\n", output);
        Assert.Equal($"{bad}:2:1: IF is not closed with ENDIF.\n  <!--%%IF x-->\n  ^\n{data}:1:14: Expected an object but found ';'.\n  {{ A = x; B = ; }}\n               ^\n", error);
        Assert.Equal((0, $"{good}: ok\n", ""), await RunAsync("check", good));
    }

    [Fact]
    public async Task RenderResolvesIncludesAndStringsThroughTheWorkingDirectoryAndTheSkins()
    {
        var (exit, output, error) = await ManageAsync("render", Path.Combine(_work, "page.wssp"),
            "--dataset", Path.Combine(_work, "page.data"), "--skin", "Golden", "--language", "german");

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Matches(
            "^<h1>Inbox &amp; more</h1>Hallo, &lt;Jane&gt;! <img src=\"/SkinFiles//Golden/[0-9a-f]{12}/logo.gif\">\none;two;\n<footer>Stock footer</footer>$",
            output);
    }

    [Fact]
    public async Task RenderReportsCompileErrorsWithTheirPosition()
    {
        var bad = Path.Combine(_work, "unclosed.wssp");

        var (exit, _, error) = await ManageAsync("render", bad);

        Assert.Equal(1, exit);
        Assert.StartsWith($"{bad}:2:1: IF is not closed with ENDIF.", error);
    }

    [Fact]
    public async Task RenderWritesTheDatasetCharsetToAFile()
    {
        var page = Local("cyrillic.wssp", "Привет €");
        var dataset = Local("cyrillic.data", "{ charset = koi8-r; }");
        var target = Path.Combine(_root, "page.html");

        var (exit, _, _) = await ManageAsync("render", page, "--dataset", dataset, "-o", target);

        Assert.Equal(0, exit);
        Assert.Equal("Привет &#8364;", Encoding.GetEncoding("koi8-r").GetString(File.ReadAllBytes(target)));
    }

    [Fact]
    public async Task MissingStockDirectoryIsReported()
    {
        var (exit, _, error) = await RunAsync("list", "--data", _data, "--stock", Path.Combine(_root, "nothing"));

        Assert.Equal(1, exit);
        Assert.Equal($"postern: No stock skins directory {Path.Combine(_root, "nothing")}.\n", error);
    }

    [Fact]
    public async Task ThePosternExecutableRunsTheSkinVerbsOnTheDataDirectory()
    {
        var created = await PosternProcess.RunAsync(_data, "skin", "create", "Golden", "--stock", _stock);
        var listed = await PosternProcess.RunAsync(_data, "skin", "list", "--stock", _stock);
        var usage = await PosternProcess.RunAsync(_data, "skin", "rename", "OnlyOneName");

        Assert.Equal((0, "created the server skin Golden"), (created.ExitCode, created.Output));
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(listed.Output.Split('\n'), line => line.StartsWith("Golden ", StringComparison.Ordinal) && line.Contains("Regular"));
        Assert.Equal(2, usage.ExitCode);
    }
}
