using System.CommandLine;
using System.Globalization;
using Postern.Accounts;
using Postern.Mail.Mailboxes;
using Postern.Mail.Mbox;
using Postern.Server.Hosting;
using Postern.Storage;
using Spectre.Console;

namespace Postern.Server.Cli;

/// <summary><c>postern import mbox FILE --account A [--mailbox M]</c> and <c>postern export mbox --account A --mailbox M FILE</c>.</summary>
internal static class MboxCommands
{
    public static Command Import() => new("import", "Import messages into a mailbox.") { ImportMbox() };

    public static Command Export() => new("export", "Export a mailbox's messages.") { ExportMbox() };

    private static Option<string> AccountOption() => new("--account") { Description = "The account, name@domain.", Required = true, HelpName = "ACCOUNT" };

    private static Command ImportMbox()
    {
        var file = new Argument<FileInfo>("file") { Description = "The mbox file." };
        var account = AccountOption();
        var mailbox = new Option<string>("--mailbox")
        {
            Description = "The mailbox to import into, created when missing (default INBOX).",
            DefaultValueFactory = _ => MailboxName.Inbox,
            HelpName = "MAILBOX",
        };
        var command = new Command("mbox", "Import an mbox file (mboxrd, mboxo or Content-Length mboxcl).") { file, account, mailbox };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var owner = await cli.Get<AccountService>().GetAsync(AccountName.Parse(parse.GetRequiredValue(account)), cancellationToken);
            var target = await FindOrCreateAsync(cli, owner, parse.GetRequiredValue(mailbox), cancellationToken);
            var path = parse.GetRequiredValue(file);
            await using var input = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

            var result = cli.Output.IsTerminal
                ? await ImportWithProgressBarAsync(cli, input, target, cancellationToken)
                : await cli.Get<MboxImporter>().ImportAsync(input, target, new LineProgress(cli.Output), cancellationToken);

            var rate = result.Elapsed.TotalSeconds > 0 ? result.Messages / result.Elapsed.TotalSeconds : 0;
            var skipped = result.Skipped > 0 ? $"; skipped {result.Skipped} message(s) larger than {Mail.Messages.MessageLimits.MaxMessageSize} bytes" : "";
            cli.Output.Line(string.Create(CultureInfo.InvariantCulture,
                $"imported {result.Messages} messages, {result.Bytes} bytes into {target.Name} in {result.Elapsed.TotalSeconds:0.0} s ({rate:0} messages/s){skipped}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ExportMbox()
    {
        var file = new Argument<FileInfo>("file") { Description = "The mbox file to write (replaced if it exists)." };
        var account = AccountOption();
        var mailbox = new Option<string>("--mailbox") { Description = "The mailbox to export.", Required = true, HelpName = "MAILBOX" };
        var command = new Command("mbox", "Export a mailbox as an mboxrd file.") { file, account, mailbox };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var owner = await cli.Get<AccountService>().GetAsync(AccountName.Parse(parse.GetRequiredValue(account)), cancellationToken);
            var source = await cli.Get<MailboxService>().GetAsync(owner, parse.GetRequiredValue(mailbox), cancellationToken);
            var path = parse.GetRequiredValue(file).FullName;
            // Written beside the target and moved over it at the end: an interrupted export leaves no half file.
            var partial = path + ".partial";
            ExportResult result;
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                result = await cli.Get<MboxExporter>().ExportAsync(source, output, null, cancellationToken);
            File.Move(partial, path, overwrite: true);
            cli.Output.Line($"exported {result.Messages} messages, {result.Bytes} bytes from {source.Name} to {path}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<MailboxRecord> FindOrCreateAsync(CliContext cli, AccountRecord owner, string name, CancellationToken cancellationToken)
    {
        var mailboxes = cli.Get<MailboxService>();
        if (await mailboxes.FindAsync(owner, name, cancellationToken) is { } existing)
            return existing;
        var created = await mailboxes.CreateAsync(owner, name, MailboxClass.Mail, cancellationToken);
        cli.Output.Line($"created mailbox {created.Name}");
        return created;
    }

    private static async Task<ImportResult> ImportWithProgressBarAsync(CliContext cli, FileStream input, MailboxRecord target, CancellationToken cancellationToken)
    {
        ImportResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"importing into {Markup.Escape(target.Name)}", maxValue: Math.Max(1, input.Length));
                var progress = new Progress<ImportProgress>(p =>
                {
                    task.Value = p.FileBytesRead;
                    task.Description = $"{p.Messages:N0} messages";
                });
                result = await cli.Get<MboxImporter>().ImportAsync(input, target, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    /// <summary>Without a terminal: one line per committed batch, so whoever reads the output knows what is durable.</summary>
    private sealed class LineProgress(CliOutput output) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            output.Line(string.Create(CultureInfo.InvariantCulture, $"committed {value.Messages} messages, {value.Bytes} bytes"));
    }
}
