using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Postern.LoadDriver;

/// <summary><c>postern serve</c> on a fresh data directory, started by the driver with limits opened up for load.</summary>
internal sealed partial class ServerUnderTest : IAsyncDisposable
{
    public const string Password = "load-test";

    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly string _data;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly HashSet<string> _accounts = [];

    private ServerUnderTest(Process process, string data, int httpPort, int ximssPort)
    {
        _process = process;
        _data = data;
        HttpPort = httpPort;
        XimssPort = ximssPort;
    }

    public int HttpPort { get; }

    public int XimssPort { get; }

    public int ProcessId => _process.Id;

    /// <param name="pbkdf2Iterations">Password hashing cost: the default (210,000) for realistic login rates, low for mass logins.</param>
    public static async Task<ServerUnderTest> StartAsync(int pbkdf2Iterations)
    {
        var data = Path.Combine(Path.GetTempPath(), "postern-load-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "postern"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "serve", "--data", data, "--bind", "127.0.0.1", "--http-port", "auto", "--ximss-port", "auto", "--domain", "example.com" })
            start.ArgumentList.Add(argument);
        start.Environment["POSTERN_POSTMASTER_PASSWORD"] = Password;
        start.Environment["POSTERN_PASSWORDS__PBKDF2_ITERATIONS"] = pbkdf2Iterations.ToString(CultureInfo.InvariantCulture);
        // Every connection comes from 127.0.0.1: the per-address limits must let the whole load through.
        start.Environment["POSTERN_XIMSS__LIMITS__MAX_CHANNELS"] = "30000";
        start.Environment["POSTERN_XIMSS__LIMITS__MAX_CHANNELS_PER_ADDRESS"] = "30000";
        start.Environment["POSTERN_XIMSS__LIMITS__MAX_SESSIONS_PER_ADDRESS"] = "30000";
        start.Environment["POSTERN_LOGGING__DEFAULT"] = "Failures";
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Console.Error.WriteLine("server: " + e.Data);
        };
        process.BeginErrorReadLine();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var ready = ReadyLine().Match(line);
            if (ready.Success)
            {
                _ = DrainAsync(process.StandardOutput);
                return new ServerUnderTest(process, data, int.Parse(ready.Groups["http"].Value, CultureInfo.InvariantCulture),
                    int.Parse(ready.Groups["ximss"].Value, CultureInfo.InvariantCulture));
            }
        }
        throw new InvalidOperationException("postern serve ended before it was ready");
    }

    /// <summary>The server's managed heap after a full collection, and its resident memory (from /proc).</summary>
    /// <remarks>
    /// The garbage collector gives freed memory back to the system gradually; the driver collects, lets
    /// it settle, and collects again, so the resident figure is what the live objects keep.
    /// </remarks>
    public async Task<(long ManagedHeap, long Resident)> MeasureMemoryAsync()
    {
        (await _http.GetFromJsonAsync<JsonDocument>($"http://127.0.0.1:{HttpPort}/postern/monitor/ximss?collect=1"))!.Dispose();
        await Task.Delay(SettleTime);
        using var monitor = await _http.GetFromJsonAsync<JsonDocument>($"http://127.0.0.1:{HttpPort}/postern/monitor/ximss?collect=1");
        var heap = monitor!.RootElement.GetProperty("memory").GetProperty("managedHeapBytes").GetInt64();
        var status = await File.ReadAllLinesAsync($"/proc/{_process.Id}/status");
        var rss = long.Parse(status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture) * 1024;
        return (heap, rss);
    }

    /// <summary>Runs a <c>postern</c> command on the server's data directory (beside the running server, as an administrator would).</summary>
    public async Task RunCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "postern"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Append("--data").Append(_data))
            start.ArgumentList.Add(argument);
        start.Environment["POSTERN_PASSWORDS__PBKDF2_ITERATIONS"] = "1000";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"postern {string.Join(' ', arguments)}: {await errors}{await output}");
    }

    /// <summary>Creates an account (password <see cref="Password"/>) unless it exists.</summary>
    public async Task EnsureAccountAsync(string name)
    {
        if (_accounts.Add(name))
            await RunCliAsync("account", "add", name, "--password", Password);
    }

    /// <summary>The counters of the access monitor.</summary>
    public async Task<JsonElement> CountersAsync()
    {
        using var monitor = await _http.GetFromJsonAsync<JsonDocument>($"http://127.0.0.1:{HttpPort}/postern/monitor/ximss");
        return monitor!.RootElement.GetProperty("counters").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _http.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"^postern: ready — HTTP on [^:]+:(?<http>\d+), XIMSS on [^:]+:(?<ximss>\d+)")]
    private static partial Regex ReadyLine();
}
