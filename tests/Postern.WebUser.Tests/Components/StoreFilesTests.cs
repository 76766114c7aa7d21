using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Postern.Data;
using Postern.Storage.Files;
using Postern.WebUser.Components;

namespace Postern.WebUser.Tests.Components;

/// <summary>The Message component's StoreFiles action and its <c>webFolders</c> choice.</summary>
public class StoreFilesTests : ComponentTestBase
{
    private Message Component => (Message)Web.Provider.GetRequiredService<ComponentCatalog>().Find("Message")!;

    private IFileStore Files => Web.Store.Files;

    private async Task<string[]> NamesInAsync(string folder) =>
        (await Files.ListAsync(Account.Id, FilePath.Parse(folder), Ct)).Select(e => e.Name).ToArray();

    [Fact]
    public async Task AMessageWithFilesOffersTheFileStorageFolders()
    {
        await Files.CreateFolderAsync(Account.Id, FilePath.Parse("Saved"), FileStorageQuota.Default, Ct);
        var withFiles = await AppendFileAsync("INBOX", "multipart-attachment.eml");
        var plain = await AppendFileAsync("INBOX", "plain.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", withFiles.ToString()));
        var plainContext = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", plain.ToString()));

        Assert.Equal(["", "Saved"], ((DataArray)context.Dataset["webFolders"]).Select(v => v!.AsString));
        Assert.Null(plainContext.Dataset.Find("webFolders"));
    }

    [Fact]
    public async Task StoreFilesWritesEveryFilePartIntoTheFolder()
    {
        await Files.CreateFolderAsync(Account.Id, FilePath.Parse("Saved"), FileStorageQuota.Default, Ct);
        var uid = await AppendFileAsync("INBOX", "multipart-attachment.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("StoreFiles", "1"), ("selectedWebFolder", "Saved"));

        Assert.Equal("FilesCopied", context.Dataset["messageCode"].AsString);
        Assert.Null(context.Dataset.Find("errorCode"));
        // The inline image's "../../etc/logo.png" is cleaned to its last name, as the page shows it.
        Assert.Equal(["logo.png", "report.pdf"], await NamesInAsync("Saved"));
        await using var pdf = await Files.OpenReadAsync(Account.Id, FilePath.Parse("Saved/report.pdf"), Ct);
        using var reader = new StreamReader(pdf.Stream, Encoding.Latin1);
        Assert.StartsWith("%PDF-1.4", await reader.ReadToEndAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoringTwiceGivesNumberedNamesInsteadOfOverwriting()
    {
        var uid = await AppendFileAsync("INBOX", "multipart-attachment.eml");

        await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("StoreFiles", "1"), ("selectedWebFolder", ""));
        var again = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("StoreFiles", "1"), ("selectedWebFolder", ""));

        Assert.Equal("FilesCopied", again.Dataset["messageCode"].AsString);
        Assert.Equal(["logo-1.png", "logo.png", "report-1.pdf", "report.pdf"], await NamesInAsync(""));
    }

    [Fact]
    public async Task UuencodedFilesInTheTextAreStoredToo()
    {
        var uid = await AppendFileAsync("INBOX", "uuencoded.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("StoreFiles", "1"), ("selectedWebFolder", ""));

        Assert.Equal("FilesCopied", context.Dataset["messageCode"].AsString);
        await using var file = await Files.OpenReadAsync(Account.Id, FilePath.Parse("hello.txt"), Ct);
        Assert.Equal("hello world\n", await new StreamReader(file.Stream).ReadToEndAsync(Ct));
    }

    [Theory]
    [InlineData("Missing", "file is not found: Missing")]
    [InlineData("../other", "illegal file name: a name must not be . or ..")]
    [InlineData("/etc", "illegal file name: the path must not start with /")]
    public async Task ABadOrMissingFolderIsAnErrorAndStoresNothing(string folder, string error)
    {
        var uid = await AppendFileAsync("INBOX", "multipart-attachment.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("StoreFiles", "1"), ("selectedWebFolder", folder));

        Assert.Equal(error, context.Dataset["errorCode"].AsString);
        Assert.Null(context.Dataset.Find("messageCode"));
        Assert.Equal(new FileStorageUsage(0, 0), await Files.GetUsageAsync(Account.Id, Ct));
        // The message is still shown.
        Assert.NotNull(context.Dataset.Find("messageBody"));
    }

    [Fact]
    public async Task FilesOverTheAccountsQuotaAreRefused()
    {
        await Web.Services.Accounts.UpdateSettingsAsync(Account, new DataDictionary { ["MaxWebSize"] = "20" }, Ct);
        Session.InvalidatePreferences();
        var uid = await AppendFileAsync("INBOX", "multipart-attachment.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("StoreFiles", "1"), ("selectedWebFolder", ""));

        Assert.StartsWith("file storage quota exceeded", context.Dataset["errorCode"].AsString, StringComparison.Ordinal);
        Assert.Null(context.Dataset.Find("messageCode"));
    }

    [Fact]
    public async Task AMessageWithoutFilesSaysSo()
    {
        var uid = await AppendFileAsync("INBOX", "plain.eml");

        var context = await Web.RunAsync(Component, Session, ("Mailbox", "INBOX"), ("MSG", uid.ToString()), ("StoreFiles", "1"), ("selectedWebFolder", ""));

        Assert.Equal("the message has no files", context.Dataset["errorCode"].AsString);
    }
}
