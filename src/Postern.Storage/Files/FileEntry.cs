namespace Postern.Storage.Files;

/// <summary>A file or folder in an account's File Storage.</summary>
/// <param name="Path">Where it is, from the storage root.</param>
/// <param name="IsFolder">A folder rather than a file.</param>
/// <param name="Size">The file's size in bytes (0 for a folder).</param>
/// <param name="Modified">When the file was last written (a folder: when its list last changed).</param>
public sealed record FileEntry(FilePath Path, bool IsFolder, long Size, DateTimeOffset Modified)
{
    public string Name => Path.Name;
}

/// <summary>How much of its File Storage an account uses.</summary>
/// <param name="Bytes">The total size of its files.</param>
/// <param name="Entries">How many files and folders it has (the root not counted).</param>
public sealed record FileStorageUsage(long Bytes, int Entries);

/// <summary>An open file: what it is and its bytes. Disposing closes the stream.</summary>
public sealed class FileContent(FileEntry entry, Stream stream) : IAsyncDisposable, IDisposable
{
    public FileEntry Entry { get; } = entry;

    /// <summary>The file's bytes as they were when it was opened (a later write or delete does not change them).</summary>
    public Stream Stream { get; } = stream;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();

    public void Dispose() => Stream.Dispose();
}

/// <summary>What a write does when the name is taken.</summary>
public enum FileWriteMode
{
    /// <summary>The new bytes replace the file of that name.</summary>
    Replace,

    /// <summary>The write fails with <see cref="FileStorageError.AlreadyExists"/>.</summary>
    CreateNew,

    /// <summary>
    /// The file gets the first free numbered name: <c>report.pdf</c>, then <c>report-1.pdf</c>,
    /// <c>report-2.pdf</c>, … (never an overwrite).
    /// </summary>
    CreateNumbered,
}
