using System.Net;
using System.Text.Json;

namespace Postern.Server.Hosting;

/// <summary>
/// What a running server publishes in <c>postern.runtime.json</c> in its data directory: its process id
/// and bound listeners, so CLI verbs such as <c>postern monitor ximss</c> can find it. The file is
/// written once the listeners are bound and deleted when the server stops.
/// </summary>
/// <param name="ProcessId">The server's process id.</param>
/// <param name="Listeners">Listener name (<c>HTTP</c>, <c>XIMSS</c>, <c>XIMSS TLS</c>) to its bound end point, as text.</param>
public sealed record RuntimeInfo(int ProcessId, Dictionary<string, string> Listeners)
{
    public const string FileName = "postern.runtime.json";

    /// <summary>Publishes this process's listeners; disposing the result deletes the file.</summary>
    public static IDisposable Write(string dataDirectory, IEnumerable<(string Name, EndPoint EndPoint)> listeners)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var info = new RuntimeInfo(Environment.ProcessId, listeners.ToDictionary(l => l.Name, l => l.EndPoint.ToString() ?? ""));
        File.WriteAllText(path, JsonSerializer.Serialize(info));
        return new PublishedFile(path);
    }

    /// <summary>The running server's information, or null when none is running on this data directory.</summary>
    public static RuntimeInfo? Read(string dataDirectory)
    {
        RuntimeInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<RuntimeInfo>(File.ReadAllText(Path.Combine(dataDirectory, FileName)));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
        // A server killed hard leaves its file behind: believe it only while that process lives.
        return info is not null && IsRunning(info.ProcessId) ? info : null;
    }

    /// <summary>Where a local client reaches a listener: its bound address, or loopback when it is bound to every address.</summary>
    public IPEndPoint? LocalEndPoint(string listener)
    {
        if (!Listeners.TryGetValue(listener, out var text) || !IPEndPoint.TryParse(text, out var endPoint))
            return null;
        if (endPoint.Address.Equals(IPAddress.Any))
            return new IPEndPoint(IPAddress.Loopback, endPoint.Port);
        return endPoint.Address.Equals(IPAddress.IPv6Any) ? new IPEndPoint(IPAddress.IPv6Loopback, endPoint.Port) : endPoint;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed class PublishedFile(string path) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Left behind, it is recognised as stale by its process id.
            }
        }
    }
}
