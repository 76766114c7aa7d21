using System.CommandLine;
using Postern.Server.Hosting;

namespace Postern.Server.Cli;

/// <summary>Parses the command line and runs the verb: a bad command line is one line on standard error and exit code 2.</summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var errors = string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')));
            await Console.Error.WriteLineAsync($"postern: {errors} (see postern --help)");
            return ExitCodes.Usage;
        }

        // Ctrl-C cancels the running verb, which stops at a safe point (the server shuts down cleanly,
        // an import after its current batch).
        using var cancel = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            cancel.Cancel();
        }
        Console.CancelKeyPress += OnCancel;
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }
}
