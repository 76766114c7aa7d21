namespace Postern.Storage.Files;

/// <summary>
/// Accounts' File Storage (CommuniGate's "Account File Storage"): each account's files in folders, kept
/// apart from mail. Paths are <see cref="FilePath"/>s, so every name is checked before a backend sees it.
/// </summary>
/// <remarks>
/// Failures a user can be told about are <see cref="FileStorageException"/>s. A completed write is
/// whole: readers see the old bytes or the new ones, never part of a file, even after a crash.
/// </remarks>
public interface IFileStore
{
    /// <summary>The files and folders directly in <paramref name="folder"/>, folders first, then by name.</summary>
    /// <exception cref="FileStorageException"><see cref="FileStorageError.NotFound"/> when the folder does not exist (the root always does).</exception>
    Task<IReadOnlyList<FileEntry>> ListAsync(long accountId, FilePath folder, CancellationToken cancellationToken);

    /// <summary>Every folder of the account, the root first, then in path order.</summary>
    Task<IReadOnlyList<FilePath>> ListFoldersAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>Opens a file for reading.</summary>
    /// <exception cref="FileStorageException"><see cref="FileStorageError.NotFound"/> when there is no such file.</exception>
    Task<FileContent> OpenReadAsync(long accountId, FilePath file, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a file from <paramref name="content"/> (read to its end) into an existing folder. The file
    /// appears only once all of it is durable.
    /// </summary>
    /// <returns>The file as written (its path differs from <paramref name="file"/> with <see cref="FileWriteMode.CreateNumbered"/>).</returns>
    /// <exception cref="FileStorageException">The folder is missing, the name is taken (per <paramref name="mode"/>) or a folder's,
    /// or the file breaks <paramref name="quota"/>.</exception>
    Task<FileEntry> WriteAsync(long accountId, FilePath file, Stream content, FileWriteMode mode, FileStorageQuota quota, CancellationToken cancellationToken);

    /// <summary>Deletes a file.</summary>
    /// <exception cref="FileStorageException"><see cref="FileStorageError.NotFound"/> when there is no such file.</exception>
    Task DeleteFileAsync(long accountId, FilePath file, CancellationToken cancellationToken);

    /// <summary>Creates a folder in an existing folder.</summary>
    /// <exception cref="FileStorageException">The parent is missing, the name is taken, or the account has <see cref="FileStorageQuota.MaxEntries"/>.</exception>
    Task<FileEntry> CreateFolderAsync(long accountId, FilePath folder, FileStorageQuota quota, CancellationToken cancellationToken);

    /// <summary>Deletes an empty folder (never the root).</summary>
    /// <exception cref="FileStorageException">There is no such folder, it is the root, or it is not empty.</exception>
    Task DeleteFolderAsync(long accountId, FilePath folder, CancellationToken cancellationToken);

    /// <summary>How much the account's File Storage holds.</summary>
    Task<FileStorageUsage> GetUsageAsync(long accountId, CancellationToken cancellationToken);
}
