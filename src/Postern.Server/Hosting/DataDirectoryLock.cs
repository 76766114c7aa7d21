using System.Globalization;

namespace Postern.Server.Hosting;

/// <summary>
/// Keeps a second <c>postern serve</c> off a data directory: the running server holds an exclusive
/// lock on <c>postern.lock</c> for its lifetime, and the system drops it when the process ends,
/// however it ends. CLI verbs do not take it; they share the store with the server.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private const string LockFileName = "postern.lock";
    private const string ProcessFileName = "postern.pid";

    private readonly FileStream _lock;
    private readonly string _processFile;

    private DataDirectoryLock(FileStream lockFile, string processFile)
    {
        _lock = lockFile;
        _processFile = processFile;
    }

    /// <summary>Takes the lock, or returns null and the holder's process id (when known) if another server has it.</summary>
    public static DataDirectoryLock? TryAcquire(string dataDirectory, out int? holder)
    {
        Directory.CreateDirectory(dataDirectory);
        var processFile = Path.Combine(dataDirectory, ProcessFileName);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(dataDirectory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            holder = File.Exists(processFile) && int.TryParse(File.ReadAllText(processFile).Trim(), CultureInfo.InvariantCulture, out var pid)
                ? pid
                : null;
            return null;
        }
        File.WriteAllText(processFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        holder = null;
        return new DataDirectoryLock(lockFile, processFile);
    }

    public void Dispose()
    {
        File.Delete(_processFile);
        _lock.Dispose();
    }
}
