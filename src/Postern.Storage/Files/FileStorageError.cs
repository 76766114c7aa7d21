namespace Postern.Storage.Files;

/// <summary>Why a File Storage operation was refused.</summary>
public enum FileStorageError
{
    /// <summary>The name or path is not allowed (<see cref="FilePath"/>).</summary>
    BadName,

    /// <summary>The file or folder does not exist (or is of the other kind).</summary>
    NotFound,

    /// <summary>A file or folder of that name exists already.</summary>
    AlreadyExists,

    /// <summary>The folder still holds files or folders.</summary>
    FolderNotEmpty,

    /// <summary>The file is larger than the per-file limit.</summary>
    FileTooLarge,

    /// <summary>The write would take the account past its storage quota.</summary>
    QuotaExceeded,

    /// <summary>The account holds as many files and folders as it may.</summary>
    TooManyFiles,
}

/// <summary>A File Storage operation was refused; <see cref="Exception.Message"/> is the error text users see.</summary>
public sealed class FileStorageException : StoreException
{
    public FileStorageException(FileStorageError error, string detail = "")
        : base(detail.Length == 0 ? TextOf(error) : TextOf(error) + ": " + detail)
    {
        Error = error;
    }

    public FileStorageError Error { get; }

    /// <summary>
    /// The error texts, worded as CommuniGate words its File Storage errors (XIMSS answers
    /// <c>file is not found</c>), so that skins' string tables can translate them.
    /// </summary>
    public static string TextOf(FileStorageError error) => error switch
    {
        FileStorageError.BadName => "illegal file name",
        FileStorageError.NotFound => "file is not found",
        FileStorageError.AlreadyExists => "file already exists",
        FileStorageError.FolderNotEmpty => "directory is not empty",
        FileStorageError.FileTooLarge => "file is too large",
        FileStorageError.QuotaExceeded => "file storage quota exceeded",
        FileStorageError.TooManyFiles => "too many files",
        _ => error.ToString(),
    };
}
