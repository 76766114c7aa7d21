using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Postern.Server.Tests.EndToEnd;

/// <summary>The real <c>postern</c> executable (built beside the tests) run as a child process on a test data directory.</summary>
internal sealed partial class PosternProcess : IAsyncDisposable
{
    /// <summary>Generous for a loaded 2-core machine; a healthy start takes about a second.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private readonly Task _readers;

    private PosternProcess(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(PumpAsync(process.StandardOutput, _output, _lines.Writer), PumpAsync(process.StandardError, _errors, null));
    }

    public int Id => _process.Id;

    public int HttpPort { get; private set; }

    /// <summary>The clear XIMSS port, when that listener is bound.</summary>
    public int? XimssPort { get; private set; }

    /// <summary>The XIMSS TLS port, when that listener is bound.</summary>
    public int? XimssTlsPort { get; private set; }

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
                return [.. _output];
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
                return string.Join('\n', _errors);
        }
    }

    /// <summary>
    /// Starts <c>postern serve</c> on loopback with automatic HTTP and XIMSS ports (unless the environment
    /// sets the XIMSS port) and waits for its ready line.
    /// </summary>
    public static async Task<PosternProcess> StartServerAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var withPorts = new Dictionary<string, string> { ["POSTERN_XIMSS_PORT"] = "auto" };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            withPorts[name] = value;
        var server = Start(dataDirectory, withPorts,
            ["serve", "--data", dataDirectory, "--bind", "127.0.0.1", "--http-port", "auto", "--domain", "example.com", .. extra]);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (true)
            {
                var line = await server._lines.Reader.ReadAsync(timeout.Token);
                var ready = ReadyLine().Match(line);
                if (ready.Success)
                {
                    server.HttpPort = int.Parse(ready.Groups["port"].Value, CultureInfo.InvariantCulture);
                    server.XimssPort = PortOf(XimssListener().Match(line));
                    server.XimssTlsPort = PortOf(XimssTlsListener().Match(line));
                    return server;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"postern serve did not get ready. Output:\n{string.Join('\n', server.Output)}\nErrors:\n{server.Errors}");
        }
    }

    /// <summary>Starts any <c>postern</c> command without waiting for it.</summary>
    public static PosternProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "postern"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.Exists(workingDirectory) ? workingDirectory : Path.GetDirectoryName(workingDirectory)!,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Only what the test says: no POSTERN_* of the machine running the tests.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("POSTERN_", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(name);
        // Cheap password hashing: the tests create accounts, not secrets.
        start.Environment["POSTERN_PASSWORDS__PBKDF2_ITERATIONS"] = "1000";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return new PosternProcess(Process.Start(start)!);
    }

    /// <summary>Runs a CLI verb to completion.</summary>
    public static async Task<CliResult> RunAsync(string dataDirectory, params string[] arguments) =>
        await RunWithInputAsync(dataDirectory, null, arguments);

    public static async Task<CliResult> RunWithInputAsync(string dataDirectory, string? input, params string[] arguments)
    {
        await using var process = Start(dataDirectory, null, [.. arguments, "--data", dataDirectory]);
        if (input is not null)
            await process._process.StandardInput.WriteLineAsync(input);
        process._process.StandardInput.Close();
        var exitCode = await process.WaitForExitAsync(StartTimeout);
        return new CliResult(exitCode, string.Join('\n', process.Output), process.Errors);
    }

    /// <summary>The next line of standard output, waiting for it.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cancel.Token);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Sends a signal the way a terminal (INT) or a service manager (TERM, KILL) would.</summary>
    public void Signal(string signal)
    {
        // Linux signal numbers (signal(7)).
        var number = signal switch
        {
            "INT" => 2,
            "KILL" => 9,
            "TERM" => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "INT, KILL or TERM"),
        };
        if (Kill(_process.Id, number) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc.so.6", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        await _readers;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        await _readers;
        _process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, List<string> sink, ChannelWriter<string>? lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (sink)
                sink.Add(line);
            lines?.TryWrite(line);
        }
        lines?.TryComplete();
    }

    private static int? PortOf(Match listener) => listener.Success ? int.Parse(listener.Groups["port"].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^postern: ready — HTTP on (?<address>\S+):(?<port>\d+)")]
    private static partial Regex ReadyLine();

    [GeneratedRegex(@"XIMSS on (?<address>[^\s,]+):(?<port>\d+)")]
    private static partial Regex XimssListener();

    [GeneratedRegex(@"XIMSS TLS on (?<address>[^\s,]+):(?<port>\d+)")]
    private static partial Regex XimssTlsListener();
}

/// <summary>How a CLI verb ended.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Errors);
