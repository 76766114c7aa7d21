using System.Collections.Concurrent;
using System.Globalization;
using Postern.Storage.Files;
using Postern.Storage.Sqlite.Blobs;

namespace Postern.Storage.Sqlite.Files;

/// <summary>
/// File Storage as plain files under the data directory: <c>files/&lt;account id&gt;/&lt;path&gt;</c>.
/// A write goes to a temporary file in the target folder, is synced, and is renamed over the name:
/// rename(2) is atomic, so a reader or a crash sees the old bytes or the new ones, never a part.
/// </summary>
/// <remarks>
/// Quota checks and renames of one account are serialised in this process, which is the one that writes
/// File Storage (the server). Usage is measured by walking the account's folder; the entry limit of
/// <see cref="FileStorageQuota"/> keeps that walk short.
/// </remarks>
internal sealed class DiskFileStore(string root, bool syncToDisk) : IFileStore
{
    /// <summary>The folder of the data directory that holds every account's files.</summary>
    public const string FolderName = "files";

    /// <summary>Temporary files of writes in progress; users' names never start with a dot (<see cref="FilePath.IsValidName"/>).</summary>
    private const string TemporaryPrefix = ".tmp-";

    /// <summary>
    /// A temporary file this old is what a crashed write left; usage walks remove it. An hour is far
    /// longer than any write of a file within the per-file limit takes.
    /// </summary>
    private static readonly TimeSpan s_abandonedTemporaryAge = TimeSpan.FromHours(1);

    /// <summary>Numbered names tried before a write gives up: 1000 copies of one name in one folder is far past any real use.</summary>
    private const int MaxNumberedNames = 1000;

    private const int CopyBufferBytes = 81920;

    private readonly ConcurrentDictionary<long, SemaphoreSlim> _accountLocks = new();

    public Task<IReadOnlyList<FileEntry>> ListAsync(long accountId, FilePath folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var directory = new DirectoryInfo(PathOf(accountId, folder));
        if (!directory.Exists)
        {
            // The root exists for every account, even before its first file.
            return folder.IsRoot ? Task.FromResult<IReadOnlyList<FileEntry>>([]) : throw new FileStorageException(FileStorageError.NotFound, folder.Value);
        }
        var entries = new List<FileEntry>();
        foreach (var info in directory.EnumerateFileSystemInfos())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (EntryOf(folder, info) is { } entry)
                entries.Add(entry);
        }
        entries.Sort((a, b) => a.IsFolder != b.IsFolder ? (a.IsFolder ? -1 : 1) : string.CompareOrdinal(a.Name, b.Name));
        return Task.FromResult<IReadOnlyList<FileEntry>>(entries);
    }

    public Task<IReadOnlyList<FilePath>> ListFoldersAsync(long accountId, CancellationToken cancellationToken)
    {
        var folders = new List<FilePath> { FilePath.Root };
        var rootDirectory = PathOf(accountId, FilePath.Root);
        if (Directory.Exists(rootDirectory))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = FilePath.MaxDepth };
            foreach (var directory in Directory.EnumerateDirectories(rootDirectory, "*", options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = Path.GetRelativePath(rootDirectory, directory).Replace(Path.DirectorySeparatorChar, '/');
                if (FilePath.TryParse(relative, out var path, out _))
                    folders.Add(path);
            }
        }
        folders.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        return Task.FromResult<IReadOnlyList<FilePath>>(folders);
    }

    public Task<FileContent> OpenReadAsync(long accountId, FilePath file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = PathOf(accountId, file);
        if (file.IsRoot || !File.Exists(path))
            throw new FileStorageException(FileStorageError.NotFound, file.Value);
        try
        {
            // Share Delete: a replacing rename or a delete may happen while the file is downloaded; the
            // open handle keeps reading the bytes it opened.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, CopyBufferBytes, useAsync: true);
            var info = new FileInfo(path);
            return Task.FromResult(new FileContent(new FileEntry(file, false, stream.Length, info.LastWriteTimeUtc), stream));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileStorageException(FileStorageError.NotFound, file.Value);
        }
    }

    public async Task<FileEntry> WriteAsync(long accountId, FilePath file, Stream content, FileWriteMode mode, FileStorageQuota quota,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(quota);
        if (file.IsRoot)
            throw new FileStorageException(FileStorageError.BadName, "a file needs a name");
        var folder = EnsureFolder(accountId, file.Parent);
        var temporary = Path.Combine(folder, TemporaryPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            var size = await CopyToTemporaryAsync(content, temporary, quota.MaxFileBytes, cancellationToken);
            var accountLock = _accountLocks.GetOrAdd(accountId, _ => new SemaphoreSlim(1, 1));
            await accountLock.WaitAsync(cancellationToken);
            try
            {
                var usage = Measure(accountId, cancellationToken);
                var written = mode == FileWriteMode.CreateNumbered
                    ? MoveToNumberedName(accountId, temporary, file, size, usage, quota)
                    : MoveToName(accountId, temporary, file, size, usage, quota, mode == FileWriteMode.Replace);
                if (syncToDisk)
                    DirectorySync.Sync(folder);
                return new FileEntry(written, false, size, File.GetLastWriteTimeUtc(PathOf(accountId, written)));
            }
            finally
            {
                accountLock.Release();
            }
        }
        finally
        {
            // Gone already when the rename happened; removed here when anything refused or failed the write.
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    public Task DeleteFileAsync(long accountId, FilePath file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = PathOf(accountId, file);
        if (file.IsRoot || !File.Exists(path))
            throw new FileStorageException(FileStorageError.NotFound, file.Value);
        File.Delete(path);
        if (syncToDisk)
            DirectorySync.Sync(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public async Task<FileEntry> CreateFolderAsync(long accountId, FilePath folder, FileStorageQuota quota, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(quota);
        if (folder.IsRoot)
            throw new FileStorageException(FileStorageError.AlreadyExists, "the root folder");
        var parent = EnsureFolder(accountId, folder.Parent);
        var accountLock = _accountLocks.GetOrAdd(accountId, _ => new SemaphoreSlim(1, 1));
        await accountLock.WaitAsync(cancellationToken);
        try
        {
            var path = PathOf(accountId, folder);
            if (Directory.Exists(path) || File.Exists(path))
                throw new FileStorageException(FileStorageError.AlreadyExists, folder.Value);
            if (Measure(accountId, cancellationToken).Entries >= quota.MaxEntries)
                throw new FileStorageException(FileStorageError.TooManyFiles, $"the limit is {quota.MaxEntries}");
            var created = Directory.CreateDirectory(path);
            if (syncToDisk)
                DirectorySync.Sync(parent);
            return new FileEntry(folder, true, 0, created.LastWriteTimeUtc);
        }
        finally
        {
            accountLock.Release();
        }
    }

    public Task DeleteFolderAsync(long accountId, FilePath folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (folder.IsRoot)
            throw new FileStorageException(FileStorageError.BadName, "the root folder cannot be deleted");
        var path = PathOf(accountId, folder);
        if (!Directory.Exists(path))
            throw new FileStorageException(FileStorageError.NotFound, folder.Value);
        if (Directory.EnumerateFileSystemEntries(path).Any())
            throw new FileStorageException(FileStorageError.FolderNotEmpty, folder.Value);
        Directory.Delete(path, recursive: false);
        if (syncToDisk)
            DirectorySync.Sync(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public Task<FileStorageUsage> GetUsageAsync(long accountId, CancellationToken cancellationToken) =>
        Task.FromResult(Measure(accountId, cancellationToken));

    private string PathOf(long accountId, FilePath path) =>
        Path.Combine([root, accountId.ToString(CultureInfo.InvariantCulture), .. path.Names]);

    /// <summary>The folder's directory; the root is created on first use, any other folder must exist.</summary>
    private string EnsureFolder(long accountId, FilePath folder)
    {
        var path = PathOf(accountId, folder);
        if (folder.IsRoot)
            Directory.CreateDirectory(path);
        else if (!Directory.Exists(path))
            throw new FileStorageException(FileStorageError.NotFound, folder.Value);
        return path;
    }

    private async Task<long> CopyToTemporaryAsync(Stream content, string temporary, long maxFileBytes, CancellationToken cancellationToken)
    {
        await using var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes, useAsync: true);
        var buffer = new byte[CopyBufferBytes];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            if (size > maxFileBytes)
                throw new FileStorageException(FileStorageError.FileTooLarge, $"the limit is {maxFileBytes} bytes");
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await output.FlushAsync(cancellationToken);
        if (syncToDisk)
            output.Flush(flushToDisk: true);
        return size;
    }

    private FilePath MoveToName(long accountId, string temporary, FilePath file, long size, FileStorageUsage usage, FileStorageQuota quota, bool replace)
    {
        var target = PathOf(accountId, file);
        if (Directory.Exists(target))
            throw new FileStorageException(FileStorageError.AlreadyExists, file.Value + " is a folder");
        var existing = new FileInfo(target);
        if (existing.Exists && !replace)
            throw new FileStorageException(FileStorageError.AlreadyExists, file.Value);
        CheckQuota(usage, size, existing.Exists ? existing.Length : 0, existing.Exists ? 0 : 1, quota);
        // rename(2): atomic, replacing the old file in one step.
        File.Move(temporary, target, overwrite: replace);
        return file;
    }

    private FilePath MoveToNumberedName(long accountId, string temporary, FilePath file, long size, FileStorageUsage usage, FileStorageQuota quota)
    {
        CheckQuota(usage, size, 0, 1, quota);
        var stem = Path.GetFileNameWithoutExtension(file.Name);
        var extension = Path.GetExtension(file.Name);
        for (var number = 0; number <= MaxNumberedNames; number++)
        {
            var candidate = number == 0 ? file : file.Parent.Append(stem + "-" + number.ToString(CultureInfo.InvariantCulture) + extension);
            var target = PathOf(accountId, candidate);
            if (File.Exists(target) || Directory.Exists(target))
                continue;
            try
            {
                // Without overwrite the move fails if another writer took the name meanwhile.
                File.Move(temporary, target, overwrite: false);
                return candidate;
            }
            catch (IOException) when (File.Exists(target) || Directory.Exists(target))
            {
            }
        }
        throw new FileStorageException(FileStorageError.AlreadyExists, $"{file.Value} and {MaxNumberedNames} numbered names");
    }

    private static void CheckQuota(FileStorageUsage usage, long size, long replacedSize, int newEntries, FileStorageQuota quota)
    {
        if (usage.Entries + newEntries > quota.MaxEntries)
            throw new FileStorageException(FileStorageError.TooManyFiles, $"the limit is {quota.MaxEntries}");
        if (usage.Bytes - replacedSize + size > quota.MaxTotalBytes)
            throw new FileStorageException(FileStorageError.QuotaExceeded,
                $"{usage.Bytes - replacedSize + size} bytes would exceed the quota of {quota.MaxTotalBytes} bytes");
    }

    /// <summary>Walks the account's files, removing what crashed writes left behind.</summary>
    private FileStorageUsage Measure(long accountId, CancellationToken cancellationToken)
    {
        var rootDirectory = new DirectoryInfo(PathOf(accountId, FilePath.Root));
        if (!rootDirectory.Exists)
            return new FileStorageUsage(0, 0);
        long bytes = 0;
        var entries = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = FilePath.MaxDepth };
        foreach (var info in rootDirectory.EnumerateFileSystemInfos("*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (info.Name.StartsWith(TemporaryPrefix, StringComparison.Ordinal))
            {
                if (DateTime.UtcNow - info.LastWriteTimeUtc > s_abandonedTemporaryAge)
                    info.Delete();
                continue;
            }
            entries++;
            if (info is FileInfo fileInfo)
                bytes += fileInfo.Length;
        }
        return new FileStorageUsage(bytes, entries);
    }

    /// <summary>A directory entry as a File Storage entry; null for what the store does not show (its temporary files, links, foreign names).</summary>
    private static FileEntry? EntryOf(FilePath folder, FileSystemInfo info)
    {
        if (info.LinkTarget is not null || !FilePath.IsValidName(info.Name, out _))
            return null;
        var path = folder.Append(info.Name);
        return info is FileInfo file
            ? new FileEntry(path, false, file.Length, file.LastWriteTimeUtc)
            : new FileEntry(path, true, 0, info.LastWriteTimeUtc);
    }
}
