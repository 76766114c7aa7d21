using System.Runtime.InteropServices;

namespace Postern.Storage.Sqlite.Blobs;

/// <summary>Makes a newly created file's directory entry durable.</summary>
/// <remarks>
/// On POSIX systems fsync of a file does not persist the entry naming it; the directory itself must
/// be synced (fsync(2), "Calling fsync() does not necessarily ensure that the entry in the directory
/// containing the file has also reached disk"). .NET cannot open a directory as a file, so this calls
/// glibc directly.
/// </remarks>
internal static partial class DirectorySync
{
    public static void Sync(string directory)
    {
        // Only Linux is a target platform; elsewhere the entry becomes durable with the next metadata flush.
        if (!OperatingSystem.IsLinux())
            return;
        var descriptor = Open(directory, OpenReadOnly);
        if (descriptor < 0)
            throw new IOException($"cannot open directory {directory} to sync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (FileSync(descriptor) != 0)
                throw new IOException($"cannot sync directory {directory} (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private const int OpenReadOnly = 0;

    // The versioned name: plain "libc.so" is a linker script on glibc systems, not a loadable library.
    private const string LibC = "libc.so.6";

    [LibraryImport(LibC, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport(LibC, EntryPoint = "fsync", SetLastError = true)]
    private static partial int FileSync(int descriptor);

    [LibraryImport(LibC, EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
