using System.Text;
using Postern.Storage.Files;

namespace Postern.Storage.Tests;

/// <summary>The File Storage part of the store contract.</summary>
public abstract partial class StoreContractTests
{
    private static readonly FileStorageQuota s_roomy = FileStorageQuota.Default;

    private IFileStore Files => Store.Files;

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<string> ReadTextAsync(long account, string path)
    {
        await using var content = await Files.OpenReadAsync(account, FilePath.Parse(path), Ct);
        using var reader = new StreamReader(content.Stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }

    private Task<FileEntry> WriteAsync(long account, string path, string text, FileWriteMode mode = FileWriteMode.Replace, FileStorageQuota? quota = null) =>
        Files.WriteAsync(account, FilePath.Parse(path), Bytes(text), mode, quota ?? s_roomy, Ct);

    [Fact]
    public async Task AnAccountWithoutFilesHasAnEmptyRootFolder()
    {
        var (_, account) = await CreateAccountAsync();

        Assert.Empty(await Files.ListAsync(account.Id, FilePath.Root, Ct));
        Assert.Equal([FilePath.Root], await Files.ListFoldersAsync(account.Id, Ct));
        Assert.Equal(new FileStorageUsage(0, 0), await Files.GetUsageAsync(account.Id, Ct));
    }

    [Fact]
    public async Task AWrittenFileIsListedWithItsSizeAndReadsBackTheSameBytes()
    {
        var (_, account) = await CreateAccountAsync();

        var written = await WriteAsync(account.Id, "notes.txt", "hello, files");

        var entry = Assert.Single(await Files.ListAsync(account.Id, FilePath.Root, Ct));
        Assert.Equal(("notes.txt", false, 12L), (entry.Name, entry.IsFolder, entry.Size));
        Assert.Equal(written.Path, entry.Path);
        Assert.InRange(entry.Modified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal("hello, files", await ReadTextAsync(account.Id, "notes.txt"));
        Assert.Equal(new FileStorageUsage(12, 1), await Files.GetUsageAsync(account.Id, Ct));
    }

    [Fact]
    public async Task AListingShowsFoldersFirstThenFilesByName()
    {
        var (_, account) = await CreateAccountAsync();
        await WriteAsync(account.Id, "b.txt", "b");
        await Files.CreateFolderAsync(account.Id, FilePath.Parse("zeta"), s_roomy, Ct);
        await WriteAsync(account.Id, "a.txt", "a");
        await Files.CreateFolderAsync(account.Id, FilePath.Parse("alpha"), s_roomy, Ct);
        await Files.CreateFolderAsync(account.Id, FilePath.Parse("alpha/inner"), s_roomy, Ct);
        await WriteAsync(account.Id, "alpha/inner/deep.txt", "deep");

        var listed = await Files.ListAsync(account.Id, FilePath.Root, Ct);

        Assert.Equal(["alpha", "zeta", "a.txt", "b.txt"], listed.Select(e => e.Name));
        Assert.Equal([true, true, false, false], listed.Select(e => e.IsFolder));
        Assert.Equal(["", "alpha", "alpha/inner", "zeta"], (await Files.ListFoldersAsync(account.Id, Ct)).Select(f => f.Value));
        Assert.Equal("alpha/inner/deep.txt", Assert.Single(await Files.ListAsync(account.Id, FilePath.Parse("alpha/inner"), Ct)).Path.Value);
    }

    [Fact]
    public async Task WritingIntoOrListingAMissingFolderIsNotFound()
    {
        var (_, account) = await CreateAccountAsync();

        var write = await Assert.ThrowsAsync<FileStorageException>(() => WriteAsync(account.Id, "nowhere/file.txt", "x"));
        var list = await Assert.ThrowsAsync<FileStorageException>(() => Files.ListAsync(account.Id, FilePath.Parse("nowhere"), Ct));
        var folder = await Assert.ThrowsAsync<FileStorageException>(() => Files.CreateFolderAsync(account.Id, FilePath.Parse("nowhere/sub"), s_roomy, Ct));

        Assert.All(new[] { write, list, folder }, e => Assert.Equal(FileStorageError.NotFound, e.Error));
    }

    [Fact]
    public async Task ANumberedWriteTakesTheFirstFreeNameAndNeverOverwrites()
    {
        var (_, account) = await CreateAccountAsync();

        var first = await WriteAsync(account.Id, "photo.jpg", "one", FileWriteMode.CreateNumbered);
        var second = await WriteAsync(account.Id, "photo.jpg", "two", FileWriteMode.CreateNumbered);
        var third = await WriteAsync(account.Id, "photo.jpg", "three", FileWriteMode.CreateNumbered);
        var plain = await WriteAsync(account.Id, "README", "r", FileWriteMode.CreateNumbered);
        var plainAgain = await WriteAsync(account.Id, "README", "r2", FileWriteMode.CreateNumbered);

        Assert.Equal(["photo.jpg", "photo-1.jpg", "photo-2.jpg", "README", "README-1"], new[] { first, second, third, plain, plainAgain }.Select(e => e.Name));
        Assert.Equal("one", await ReadTextAsync(account.Id, "photo.jpg"));
        Assert.Equal("three", await ReadTextAsync(account.Id, "photo-2.jpg"));
    }

    [Fact]
    public async Task ReplaceOverwritesAndCreateNewRefusesATakenName()
    {
        var (_, account) = await CreateAccountAsync();
        await WriteAsync(account.Id, "page.html", "old");

        await WriteAsync(account.Id, "page.html", "new");
        var refused = await Assert.ThrowsAsync<FileStorageException>(() => WriteAsync(account.Id, "page.html", "newer", FileWriteMode.CreateNew));

        Assert.Equal(FileStorageError.AlreadyExists, refused.Error);
        Assert.Equal("new", await ReadTextAsync(account.Id, "page.html"));
        Assert.Single(await Files.ListAsync(account.Id, FilePath.Root, Ct));
    }

    [Fact]
    public async Task AWriteOverTheQuotaFailsAndLeavesTheStoredFilesAsTheyWere()
    {
        var (_, account) = await CreateAccountAsync();
        var quota = new FileStorageQuota(MaxTotalBytes: 10, MaxFileBytes: 100, MaxEntries: 100);
        await WriteAsync(account.Id, "a.txt", "12345678", quota: quota);

        var refused = await Assert.ThrowsAsync<FileStorageException>(() => WriteAsync(account.Id, "b.txt", "123", quota: quota));
        var replaced = await WriteAsync(account.Id, "a.txt", "1234567890", quota: quota);

        Assert.Equal(FileStorageError.QuotaExceeded, refused.Error);
        Assert.Equal(10, replaced.Size);
        Assert.Equal(["a.txt"], (await Files.ListAsync(account.Id, FilePath.Root, Ct)).Select(e => e.Name));
        Assert.Equal(new FileStorageUsage(10, 1), await Files.GetUsageAsync(account.Id, Ct));
    }

    [Fact]
    public async Task AFileOverThePerFileLimitIsRefusedWithoutATrace()
    {
        var (_, account) = await CreateAccountAsync();
        var quota = new FileStorageQuota(MaxTotalBytes: 1 << 20, MaxFileBytes: 4, MaxEntries: 100);

        var refused = await Assert.ThrowsAsync<FileStorageException>(() => WriteAsync(account.Id, "big.bin", "12345", quota: quota));

        Assert.Equal(FileStorageError.FileTooLarge, refused.Error);
        Assert.Empty(await Files.ListAsync(account.Id, FilePath.Root, Ct));
        Assert.Equal(new FileStorageUsage(0, 0), await Files.GetUsageAsync(account.Id, Ct));
    }

    [Fact]
    public async Task FilesAndFoldersCountAgainstTheEntryLimit()
    {
        var (_, account) = await CreateAccountAsync();
        var quota = new FileStorageQuota(MaxTotalBytes: 1 << 20, MaxFileBytes: 1 << 20, MaxEntries: 2);
        await WriteAsync(account.Id, "one.txt", "1", quota: quota);
        await Files.CreateFolderAsync(account.Id, FilePath.Parse("two"), quota, Ct);

        var file = await Assert.ThrowsAsync<FileStorageException>(() => WriteAsync(account.Id, "three.txt", "3", quota: quota));
        var folder = await Assert.ThrowsAsync<FileStorageException>(() => Files.CreateFolderAsync(account.Id, FilePath.Parse("four"), quota, Ct));

        Assert.Equal(FileStorageError.TooManyFiles, file.Error);
        Assert.Equal(FileStorageError.TooManyFiles, folder.Error);
    }

    [Fact]
    public async Task OnlyEmptyFoldersOtherThanTheRootCanBeDeleted()
    {
        var (_, account) = await CreateAccountAsync();
        await Files.CreateFolderAsync(account.Id, FilePath.Parse("docs"), s_roomy, Ct);
        await WriteAsync(account.Id, "docs/a.txt", "a");

        var notEmpty = await Assert.ThrowsAsync<FileStorageException>(() => Files.DeleteFolderAsync(account.Id, FilePath.Parse("docs"), Ct));
        var root = await Assert.ThrowsAsync<FileStorageException>(() => Files.DeleteFolderAsync(account.Id, FilePath.Root, Ct));
        await Files.DeleteFileAsync(account.Id, FilePath.Parse("docs/a.txt"), Ct);
        await Files.DeleteFolderAsync(account.Id, FilePath.Parse("docs"), Ct);
        var gone = await Assert.ThrowsAsync<FileStorageException>(() => Files.DeleteFolderAsync(account.Id, FilePath.Parse("docs"), Ct));

        Assert.Equal(FileStorageError.FolderNotEmpty, notEmpty.Error);
        Assert.Equal(FileStorageError.BadName, root.Error);
        Assert.Equal(FileStorageError.NotFound, gone.Error);
        Assert.Empty(await Files.ListAsync(account.Id, FilePath.Root, Ct));
    }

    [Fact]
    public async Task FilesAndFoldersAreNotMistakenForEachOther()
    {
        var (_, account) = await CreateAccountAsync();
        await Files.CreateFolderAsync(account.Id, FilePath.Parse("folder"), s_roomy, Ct);
        await WriteAsync(account.Id, "file", "x");

        Assert.Equal(FileStorageError.AlreadyExists, (await Assert.ThrowsAsync<FileStorageException>(() => WriteAsync(account.Id, "folder", "x"))).Error);
        Assert.Equal(FileStorageError.AlreadyExists,
            (await Assert.ThrowsAsync<FileStorageException>(() => Files.CreateFolderAsync(account.Id, FilePath.Parse("file"), s_roomy, Ct))).Error);
        Assert.Equal(FileStorageError.NotFound, (await Assert.ThrowsAsync<FileStorageException>(() => Files.OpenReadAsync(account.Id, FilePath.Parse("folder"), Ct))).Error);
        Assert.Equal(FileStorageError.NotFound, (await Assert.ThrowsAsync<FileStorageException>(() => Files.DeleteFileAsync(account.Id, FilePath.Parse("folder"), Ct))).Error);
        Assert.Equal(FileStorageError.NotFound, (await Assert.ThrowsAsync<FileStorageException>(() => Files.DeleteFolderAsync(account.Id, FilePath.Parse("file"), Ct))).Error);
    }

    [Fact]
    public async Task EachAccountSeesOnlyItsOwnFiles()
    {
        var (_, alice) = await CreateAccountAsync("alice");
        var (_, bob) = await CreateAccountAsync("bob");
        await WriteAsync(alice.Id, "secret.txt", "alice's");

        Assert.Empty(await Files.ListAsync(bob.Id, FilePath.Root, Ct));
        Assert.Equal(FileStorageError.NotFound, (await Assert.ThrowsAsync<FileStorageException>(() => Files.OpenReadAsync(bob.Id, FilePath.Parse("secret.txt"), Ct))).Error);
    }

    [Fact]
    public async Task AFileOpenedForReadingKeepsItsBytesWhenItIsReplaced()
    {
        var (_, account) = await CreateAccountAsync();
        await WriteAsync(account.Id, "doc.txt", "first version");

        await using var open = await Files.OpenReadAsync(account.Id, FilePath.Parse("doc.txt"), Ct);
        await WriteAsync(account.Id, "doc.txt", "second");
        using var reader = new StreamReader(open.Stream);

        Assert.Equal("first version", await reader.ReadToEndAsync(Ct));
        Assert.Equal("second", await ReadTextAsync(account.Id, "doc.txt"));
    }
}
