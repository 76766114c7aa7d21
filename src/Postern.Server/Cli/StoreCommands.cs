using System.CommandLine;
using Postern.Server.Hosting;
using Postern.Storage;

namespace Postern.Server.Cli;

/// <summary><c>postern store compact</c>: store housekeeping, safe while the server runs.</summary>
internal static class StoreCommands
{
    public static Command Create() => new("store", "Store housekeeping.")
    {
        Compact(),
    };

    private static Command Compact()
    {
        var threshold = new Option<double>("--max-live")
        {
            Description = "Rewrite blob files whose live share is at most this fraction (default 0.5).",
            DefaultValueFactory = _ => 0.5,
            HelpName = "FRACTION",
        };
        threshold.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or > 1)
                result.AddError("--max-live must be between 0 and 1");
        });
        var command = new Command("compact", "Reclaim the disk space of expunged and removed messages.") { threshold };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var result = await cli.Get<IStore>().Maintenance.CompactAsync(parse.GetValue(threshold), cancellationToken);
            cli.Output.Line($"compacted {result.FilesRewritten} blob file(s): copied {result.BytesCopied} bytes, reclaimed {result.BytesReclaimed} bytes");
            return ExitCodes.Success;
        }));
        return command;
    }
}
