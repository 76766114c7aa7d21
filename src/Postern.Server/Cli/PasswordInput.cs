using System.CommandLine;
using Spectre.Console;

namespace Postern.Server.Cli;

/// <summary>
/// A password for a verb: <c>--password</c>, else typed at a hidden prompt, else the first line of
/// standard input (so scripts need not put it on a command line that other users can see).
/// </summary>
internal static class PasswordInput
{
    public static Option<string?> Option() => new("--password")
    {
        Description = "The password (else prompted for, or read from standard input).",
        HelpName = "PASSWORD",
    };

    public static async Task<string> ReadAsync(ParseResult parse, Option<string?> option, CancellationToken cancellationToken)
    {
        if (parse.GetValue(option) is { } given)
            return given;
        if (!Console.IsInputRedirected && !Console.IsOutputRedirected)
            return await new TextPrompt<string>("Password:").Secret().ShowAsync(AnsiConsole.Console, cancellationToken);
        return await Console.In.ReadLineAsync(cancellationToken) ?? "";
    }
}
