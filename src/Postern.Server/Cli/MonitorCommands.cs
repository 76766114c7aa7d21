using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Postern.Server.Configuration;
using Postern.Server.Hosting;
using Postern.Server.Hosting.Ximss;
using Postern.Ximss.Monitoring;

namespace Postern.Server.Cli;

/// <summary>
/// <c>postern monitor ximss [--json]</c>: the XIMSS access monitor of the server running on the data
/// directory (CGP Guide, XIMSS module, "Monitoring XIMSS Activity"). It finds the server through
/// <c>postern.runtime.json</c> and asks its HTTP listener, which answers clients on the same host only.
/// </summary>
internal static class MonitorCommands
{
    public static Command Create() => new("monitor", "Show what a running server is doing.")
    {
        Ximss(),
    };

    private static Command Ximss()
    {
        var json = new Option<bool>("--json") { Description = "Print the monitor as JSON (as the WebAdmin reads it)." };
        var command = new Command("ximss", "XIMSS channels and sessions: ID, address, account, connected, status, running; and the counters.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = ServerOptions.FromConfiguration(PosternConfiguration.Build(CommonOptions.Overrides(parse)));
            if (RuntimeInfo.Read(options.DataDirectory)?.LocalEndPoint("HTTP") is not { } endPoint)
            {
                await Console.Error.WriteLineAsync($"postern: no server with an HTTP listener is running on {options.DataDirectory}");
                return ExitCodes.Failure;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string body;
            try
            {
                body = await http.GetStringAsync($"http://{endPoint}{XimssModule.MonitorPath}", cancellationToken);
            }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"postern: the server at {endPoint} did not answer: {e.Message}");
                return ExitCodes.Failure;
            }

            var output = new CliOutput();
            if (parse.GetValue(json))
            {
                output.Line(body);
                return ExitCodes.Success;
            }
            var report = JsonSerializer.Deserialize<XimssMonitorReport>(body, JsonSerializerOptions.Web)!;
            Print(output, report);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliOutput output, XimssMonitorReport report)
    {
        var c = report.Counters;
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"channels {c.Channels}, sessions {c.Sessions}, logins {c.Logins} ({c.LoginFailures} failed), {c.Operations} operations ({c.OperationsPerSecond:0.#}/s), {c.RefusedChannels} connections refused"));
        output.Table(["ID", "IP ADDRESS", "ACCOUNT", "VIA", "CONNECTED", "STATUS", "RUNNING", "CLIENT"], report.Sessions.Select(row => (IReadOnlyList<string>)
        [
            row.Id?.ToString(CultureInfo.InvariantCulture) ?? "",
            "[" + row.Address + "]",
            row.Account ?? "",
            row.Transport,
            Duration(row.ConnectedSeconds),
            row.Status,
            row.RunningSeconds is { } running ? Duration(running) : "",
            row.Client ?? "",
        ]));
    }

    // CommuniGate's monitor style: 2sec, 34sec, 3min, 5h.
    private static string Duration(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds):0}sec"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 60):0}min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds / 3600):0}h"),
    };
}
