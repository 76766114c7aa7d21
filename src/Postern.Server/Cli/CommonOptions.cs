using System.CommandLine;

namespace Postern.Server.Cli;

/// <summary>Options every verb takes.</summary>
internal static class CommonOptions
{
    /// <summary><c>--data DIR</c>: the data directory (else <c>POSTERN_DATA</c>, appsettings.json, <c>./data</c>).</summary>
    public static Option<string?> Data { get; } = new("--data")
    {
        Description = "The data directory (default: POSTERN_DATA, appsettings.json, or ./data).",
        HelpName = "DIR",
        Recursive = true,
    };

    /// <summary>The command-line settings that override configuration.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Data) is { } data)
            overrides["Postern:Data"] = data;
        return overrides;
    }
}
