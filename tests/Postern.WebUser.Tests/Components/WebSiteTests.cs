using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Postern.Data;
using Postern.Storage.Files;
using Postern.WebUser.Components;
using Postern.WebUser.Http;

namespace Postern.WebUser.Tests.Components;

/// <summary>The WebSite component: browsing, uploading to and tidying the account's File Storage, and the WebFile downloads.</summary>
public class WebSiteTests : ComponentTestBase
{
    private WebSite Component => (WebSite)Web.Provider.GetRequiredService<ComponentCatalog>().Find("WebSite")!;

    private IFileStore Files => Web.Store.Files;

    private Task<FileEntry> WriteAsync(string path, string text) =>
        Files.WriteAsync(Account.Id, FilePath.Parse(path), new MemoryStream(Encoding.UTF8.GetBytes(text)), FileWriteMode.Replace, FileStorageQuota.Default, Ct);

    private async Task<ComponentContext> RunWithUploadsAsync(IEnumerable<UploadedFile> uploads, params (string Name, string Value)[] parameters)
    {
        await Session.RefreshAsync(Web.Services, Ct);
        var context = new ComponentContext(Session, Web.Services,
            new RequestParameters(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)), uploads), Ct);
        await Component.ProcessAsync(context);
        return context;
    }

    private static UploadedFile Upload(string name, string text) => new("UploadFile", name, "text/plain", Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task TheRootFolderListsFoldersThenFilesWithTheDocumentedKeys()
    {
        await Files.CreateFolderAsync(Account.Id, FilePath.Parse("Photos"), FileStorageQuota.Default, Ct);
        await WriteAsync("notes and plans.txt", "twelve bytes");

        var context = await Web.RunAsync(Component, Session);

        Assert.Equal(["currentStorage", "fileLimit", "fileRef", "files", "folder", "nFiles", "pageRef", "storageLimit"],
            WebUserTestContext.KeysOf(context.Dataset));
        Assert.Equal(("WebFile/", "website.wssp", "", "2"), (context.Dataset["fileRef"].AsString, context.Dataset["pageRef"].AsString,
            context.Dataset["folder"].AsString, context.Dataset["nFiles"].AsString));
        Assert.Equal(("12", "100M", "25M"), (context.Dataset["currentStorage"].AsString, context.Dataset["storageLimit"].AsString,
            context.Dataset["fileLimit"].AsString));
        var files = (DataArray)context.Dataset["files"];
        var folder = (DataDictionary)files[0]!;
        var file = (DataDictionary)files[1]!;
        Assert.Equal(["isFolder", "modified", "name", "path"], WebUserTestContext.KeysOf(folder));
        Assert.Equal(["bytes", "href", "modified", "name", "path", "size"], WebUserTestContext.KeysOf(file));
        Assert.Equal(("Photos", "YES"), (folder["name"].AsString, folder["isFolder"].AsString));
        Assert.Equal(("notes and plans.txt", "notes%20and%20plans.txt", "12"), (file["name"].AsString, file["href"].AsString, file["bytes"].AsString));
        Assert.IsType<DataTimestamp>(file["modified"]);
    }

    [Fact]
    public async Task ASubfolderNamesItsParent()
    {
        await Files.CreateFolderAsync(Account.Id, FilePath.Parse("a"), FileStorageQuota.Default, Ct);
        await Files.CreateFolderAsync(Account.Id, FilePath.Parse("a/b"), FileStorageQuota.Default, Ct);
        await WriteAsync("a/b/c.txt", "c");

        var context = await Web.RunAsync(Component, Session, ("folder", "a/b"));

        Assert.Equal(("a/b", "a"), (context.Dataset["folder"].AsString, context.Dataset["parentFolder"].AsString));
        Assert.Equal("a/b/c.txt", ((DataDictionary)((DataArray)context.Dataset["files"])[0]!)["href"].AsString);
    }

    [Fact]
    public async Task UploadsAreStoredInTheFolderWithNumberedNamesOnAClash()
    {
        await WriteAsync("report.txt", "old");

        var context = await RunWithUploadsAsync([Upload("report.txt", "new"), Upload("C:\\Users\\me\\other.txt", "other")], ("Upload", "1"));

        Assert.Equal("FilesUploaded", context.Dataset["messageCode"].AsString);
        Assert.Equal(["other.txt", "report-1.txt", "report.txt"], ((DataArray)context.Dataset["files"]).Select(f => ((DataDictionary)f!)["name"].AsString));
    }

    [Fact]
    public async Task AnUploadOverTheQuotaIsRefused()
    {
        await Web.Services.Accounts.UpdateSettingsAsync(Account, new DataDictionary { ["MaxWebSize"] = "10" }, Ct);
        Session.InvalidatePreferences();

        var context = await RunWithUploadsAsync([Upload("big.txt", "more than ten bytes")], ("Upload", "1"));

        Assert.StartsWith("file storage quota exceeded", context.Dataset["errorCode"].AsString, StringComparison.Ordinal);
        Assert.Equal("10", context.Dataset["storageLimit"].AsString);
        Assert.Equal("0", context.Dataset["nFiles"].AsString);
    }

    [Fact]
    public async Task FoldersAreCreatedAndDeletedAndFilesDeleted()
    {
        await WriteAsync("old.txt", "x");

        var created = await Web.RunAsync(Component, Session, ("CreateFolder", "1"), ("NewName", "Projects"));
        var deleted = await Web.RunAsync(Component, Session, ("Delete", "1"), ("Sel", "Projects"), ("Sel", "old.txt"));

        Assert.Equal("FolderCreated", created.Dataset["messageCode"].AsString);
        Assert.Equal("Projects", ((DataDictionary)((DataArray)created.Dataset["files"])[0]!)["name"].AsString);
        Assert.Equal("FilesDeleted", deleted.Dataset["messageCode"].AsString);
        Assert.Equal("0", deleted.Dataset["nFiles"].AsString);
    }

    [Theory]
    [InlineData("folder", "../x", "illegal file name: a name must not be . or ..")]
    [InlineData("folder", "Missing", "file is not found: Missing")]
    [InlineData("NewName", "bad/name", "illegal file name: a name must not contain control characters, \\ or /")]
    public async Task BadNamesAndMissingFoldersAreErrorsAndTheRootIsShown(string parameter, string value, string error)
    {
        var context = await Web.RunAsync(Component, Session, ("CreateFolder", "1"), (parameter, value));

        Assert.Equal(error, context.Dataset["errorCode"].AsString);
        Assert.Equal("", context.Dataset["folder"].AsString);
        Assert.Equal(new FileStorageUsage(0, 0), await Files.GetUsageAsync(Account.Id, Ct));
    }

    [Fact]
    public async Task DeletingAFolderThatIsNotEmptyIsAnError()
    {
        await Files.CreateFolderAsync(Account.Id, FilePath.Parse("kept"), FileStorageQuota.Default, Ct);
        await WriteAsync("kept/file.txt", "x");

        var context = await Web.RunAsync(Component, Session, ("Delete", "1"), ("Sel", "kept"));

        Assert.Equal("directory is not empty: kept", context.Dataset["errorCode"].AsString);
    }

    [Fact]
    public async Task WebFileDownloadsSendActiveContentAsASandboxedAttachment()
    {
        using var client = Web.CreateClient();
        var (prefix, session) = await Web.LogInAsync(client, "alice");
        await Files.CreateFolderAsync(session.AccountRecord.Id, FilePath.Parse("site"), FileStorageQuota.Default, Ct);
        await WriteAsync("site/page 100%.html", "<script>alert(1)</script>");
        await Files.WriteAsync(session.AccountRecord.Id, FilePath.Parse("site/dot.png"), new MemoryStream([0x89, 0x50, 0x4E, 0x47]),
            FileWriteMode.Replace, FileStorageQuota.Default, Ct);

        var html = await client.GetAsync(prefix + "WebFile/site/page%20100%25.html");
        var image = await client.GetAsync(prefix + "WebFile/site/dot.png");
        var escape = await client.GetAsync(prefix + "WebFile/site/..%2F..%2Fpostern.db");
        var missing = await client.GetAsync(prefix + "WebFile/site/none.txt");

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", html.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", html.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("<script>alert(1)</script>", await html.Content.ReadAsStringAsync());
        Assert.Equal("inline", image.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
