using System.CommandLine;
using Postern.Data;
using Postern.Skins;
using Spectre.Console;

namespace Postern.Server.Cli;

/// <summary>What a <c>postern skin</c> verb works with: the skins of one data directory and its output streams.</summary>
internal sealed class SkinCli
{
    private SkinCli(SkinOptions options, TextWriter output, TextWriter error)
    {
        Options = options;
        Output = output;
        Error = error;
        Catalog = new SkinCatalog(options);
        Administration = new SkinAdministration(options, Catalog);
        Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        // Tables are for reading and for scripts: never wrap rows at a guessed terminal width.
        Console.Profile.Width = Math.Max(Console.Profile.Width, 200);
    }

    public SkinOptions Options { get; }

    public SkinCatalog Catalog { get; }

    public SkinAdministration Administration { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }

    public static Option<string> DataOption() =>
        new("--data") { Description = "The data directory (default: $POSTERN_DATA, else ./data)." };

    public static Option<string> StockOption() =>
        new("--stock") { Description = "The stock skins directory (default: $POSTERN_STOCK_SKINS, else the Skins folder beside the postern executable)." };

    public static Option<string> DomainOption() =>
        new("--domain", "-d") { Description = "Work on this domain's skins instead of the server-wide skins." };

    /// <summary>Runs a verb; a refused request prints its reason and exits with 1.</summary>
    public static int Run(ParseResult result, Option<string> data, Option<string> stock, Func<SkinCli, int> verb)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        try
        {
            var options = new SkinOptions
            {
                DataDirectory = result.GetValue(data) ?? Environment.GetEnvironmentVariable("POSTERN_DATA") ?? "data",
                StockSkins = StockSkins(result.GetValue(stock)),
            };
            return verb(new SkinCli(options, output, error));
        }
        catch (Exception e) when (e is SkinException or ArgumentException or IOException or UnauthorizedAccessException or DataFormatException or TimeZoneNotFoundException)
        {
            error.WriteLine("postern skin: " + e.Message);
            return 1;
        }
    }

    /// <summary>The stock skins: the given directory, <c>$POSTERN_STOCK_SKINS</c>, or <c>Skins/</c> beside the executable.</summary>
    private static DirectorySkinSource? StockSkins(string? directory)
    {
        directory ??= Environment.GetEnvironmentVariable("POSTERN_STOCK_SKINS");
        if (directory is not null)
            return Directory.Exists(directory) ? new DirectorySkinSource(directory) : throw new DirectoryNotFoundException($"No stock skins directory {directory}.");
        var shipped = Path.Combine(AppContext.BaseDirectory, "Skins");
        return Directory.Exists(shipped) ? new DirectorySkinSource(shipped) : null;
    }

    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
            table.AddColumn(column);
        return table;
    }

    public static string DisplayName(string skinName) => skinName.Length == 0 ? "(unnamed)" : skinName;

    public static string Describe(string? domain, string? skinName) =>
        new SkinIdentity(domain is null ? SkinLevel.Server : SkinLevel.Domain, domain?.ToLowerInvariant(), skinName ?? "").ToString();

    /// <summary>Reports a refused upload; for syntax errors, the file with the <c>&lt;--ERROR--&gt;</c> marker.</summary>
    public static void ReportUploadError(SkinCli cli, string path, SkinUploadError error)
    {
        cli.Error.WriteLine($"postern skin: {path} was not uploaded: {error}");
        if (error.MarkedText is { } marked)
        {
            cli.Error.WriteLine();
            cli.Error.WriteLine(marked);
        }
    }

    /// <summary>Prints <c>file:line:column: message</c> and the offending line with a caret under the column.</summary>
    public static void ReportSourceError(TextWriter writer, string message, string text, TextLocation location)
    {
        writer.WriteLine(message);
        var lines = text.Split('\n');
        if (location.Line < 1 || location.Line > lines.Length)
            return;
        var line = lines[location.Line - 1].TrimEnd('\r');
        writer.WriteLine("  " + line.Replace('\t', ' '));
        writer.WriteLine("  " + new string(' ', Math.Max(0, location.Column - 1)) + "^");
    }
}
