using System.CommandLine;
using Postern.Data;
using Postern.Skins;
using Postern.Server.Configuration;
using Postern.Server.Hosting;

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
        Tables = new CliOutput(ReferenceEquals(output, Console.Out) ? null : output);
    }

    public SkinOptions Options { get; }

    public SkinCatalog Catalog { get; }

    public SkinAdministration Administration { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Tables on a terminal, aligned columns otherwise (the same output as the other verbs).</summary>
    public CliOutput Tables { get; }

    public static Option<string> StockOption() =>
        new("--stock") { Description = "The stock skins directory (default: Postern:StockSkins / POSTERN_STOCK_SKINS, else the Skins folder beside the postern executable).", HelpName = "DIR" };

    public static Option<string> DomainOption() =>
        new("--domain", "-d") { Description = "Work on this domain's skins instead of the server-wide skins." };

    /// <summary>
    /// Runs a verb on the skins of the configured data directory (<c>--data</c>, <c>POSTERN_DATA</c>,
    /// appsettings.json, <c>./data</c>); a refused request prints its reason and exits with 1.
    /// </summary>
    public static int Run(ParseResult result, Option<string> stock, Func<SkinCli, int> verb)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        try
        {
            var configuration = PosternConfiguration.Build(CommonOptions.Overrides(result));
            var options = new SkinOptions
            {
                DataDirectory = ServerOptions.FromConfiguration(configuration).DataDirectory,
                StockSkins = StockSkins(result.GetValue(stock) ?? configuration["Postern:StockSkins"]),
            };
            return verb(new SkinCli(options, output, error));
        }
        catch (Exception e) when (e is SkinException or ArgumentException or IOException or UnauthorizedAccessException
                                       or DataFormatException or TimeZoneNotFoundException or ConfigurationException)
        {
            error.WriteLine("postern: " + e.Message);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The stock skins: the given directory, or <c>Skins/</c> beside the executable when it exists.</summary>
    private static DirectorySkinSource? StockSkins(string? directory)
    {
        if (directory is not null)
            return Directory.Exists(directory) ? new DirectorySkinSource(directory) : throw new DirectoryNotFoundException($"No stock skins directory {directory}.");
        var shipped = Path.Combine(AppContext.BaseDirectory, "Skins");
        return Directory.Exists(shipped) ? new DirectorySkinSource(shipped) : null;
    }

    public static string DisplayName(string skinName) => skinName.Length == 0 ? "(unnamed)" : skinName;

    public static string Describe(string? domain, string? skinName) =>
        new SkinIdentity(domain is null ? SkinLevel.Server : SkinLevel.Domain, domain?.ToLowerInvariant(), skinName ?? "").ToString();

    /// <summary>Reports a refused upload; for syntax errors, the file with the <c>&lt;--ERROR--&gt;</c> marker.</summary>
    public static void ReportUploadError(SkinCli cli, string path, SkinUploadError error)
    {
        cli.Error.WriteLine($"postern: {path} was not uploaded: {error}");
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
