using System.CommandLine;
using System.Globalization;
using Postern.Mime;
using Postern.Server.Hosting;
using Postern.Storage;

namespace Postern.Server.Cli;

/// <summary><c>postern queue list|show|remove</c>: the outbound queue of mail for other servers.</summary>
internal static class QueueCommands
{
    public static Command Create() => new("queue", "Look at and clean the queue of mail for other servers.")
    {
        List(),
        Show(),
        Remove(),
    };

    private static Argument<long> IdArgument() => new("id") { Description = "The queue entry's number (see postern queue list)." };

    private static Command List()
    {
        var command = new Command("list", "List queued messages, oldest first.");
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var entries = await cli.Get<IStore>().Outbound.ListAsync(cancellationToken);
            cli.Output.Table(["ID", "QUEUED", "FROM", "RECIPIENTS", "BYTES", "STATUS"], entries.Select(e => (IReadOnlyList<string>)
            [
                e.Id.ToString(CultureInfo.InvariantCulture),
                e.Queued.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                e.Sender.Length == 0 ? "<>" : e.Sender,
                string.Join(", ", e.Recipients),
                e.Size.ToString(CultureInfo.InvariantCulture),
                e.Status,
            ]));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = IdArgument();
        var command = new Command("show", "Show a queued message's envelope, state and header.") { id };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var queue = cli.Get<IStore>().Outbound;
            var entry = await queue.GetAsync(parse.GetValue(id), cancellationToken)
                ?? throw new StoreNotFoundException($"queue entry {parse.GetValue(id)} does not exist");
            cli.Output.Properties(
            [
                ("ID", entry.Id.ToString(CultureInfo.InvariantCulture)),
                ("Queued", entry.Queued.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
                ("From", entry.Sender.Length == 0 ? "<>" : entry.Sender),
                ("Recipients", string.Join(", ", entry.Recipients)),
                ("Bytes", entry.Size.ToString(CultureInfo.InvariantCulture)),
                ("DSN requested", entry.RequestDsn ? "yes" : "no"),
                ("Status", entry.Status),
                ("Attempts", entry.Attempts.ToString(CultureInfo.InvariantCulture)),
                ("Last error", entry.LastError ?? "-"),
            ]);
            await using var content = await queue.OpenContentAsync(entry.Id, cancellationToken);
            if (content is not null)
            {
                cli.Output.Line("");
                foreach (var field in await MimeMessage.ReadHeadersAsync(content, null, cancellationToken))
                    cli.Output.Line(field.ToString());
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Remove()
    {
        var id = IdArgument();
        var command = new Command("remove", "Remove a queued message; it will not be sent.") { id };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            if (!await cli.Get<IStore>().Outbound.RemoveAsync(parse.GetValue(id), cancellationToken))
                throw new StoreNotFoundException($"queue entry {parse.GetValue(id)} does not exist");
            cli.Output.Line($"removed queue entry {parse.GetValue(id)}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
