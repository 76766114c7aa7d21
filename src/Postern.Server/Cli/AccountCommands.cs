using System.CommandLine;
using System.Globalization;
using Postern.Accounts;
using Postern.Accounts.Preferences;
using Postern.Mail;
using Postern.Mail.Mailboxes;
using Postern.Server.Hosting;
using Postern.Storage;

namespace Postern.Server.Cli;

/// <summary><c>postern account add|list|show|remove|passwd</c>. Accounts are named <c>name@domain</c>.</summary>
internal static class AccountCommands
{
    public static Command Create() => new("account", "Manage accounts (named name@domain).")
    {
        Add(),
        List(),
        Show(),
        Remove(),
        Passwd(),
    };

    private static Argument<string> NameArgument() => new("account") { Description = "The account, name@domain." };

    private static Command Add()
    {
        var name = NameArgument();
        var password = PasswordInput.Option();
        var realName = new Option<string?>("--real-name") { Description = "The person's name, e.g. \"Alice Example\".", HelpName = "NAME" };
        var command = new Command("add", "Create an account with its default mailboxes.") { name, password, realName };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var accountName = AccountName.Parse(parse.GetRequiredValue(name));
            var secret = await PasswordInput.ReadAsync(parse, password, cancellationToken);
            await cli.Get<AccountProvisioning>().CreateAccountAsync(accountName, secret, parse.GetValue(realName) ?? "", cancellationToken);
            cli.Output.Line($"created account {accountName}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List()
    {
        var domain = new Argument<string?>("domain") { Description = "Only this domain's accounts.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List accounts.") { domain };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var domains = cli.Get<DomainService>();
            var selected = parse.GetValue(domain) is { } one
                ? [await domains.GetAsync(one, cancellationToken)]
                : await domains.ListAsync(cancellationToken);
            var rows = new List<IReadOnlyList<string>>();
            foreach (var d in selected)
            {
                foreach (var account in await cli.Get<IStore>().Accounts.ListAsync(d.Id, cancellationToken))
                    rows.Add([$"{account.Name}@{d.Name}", account.RealName, account.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            }
            cli.Output.Table(["ACCOUNT", "REAL NAME", "CREATED"], rows);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var name = NameArgument();
        var command = new Command("show", "Show an account: names, mailboxes, settings, preferences, alerts.") { name };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var accountName = AccountName.Parse(parse.GetRequiredValue(name));
            var accounts = cli.Get<AccountService>();
            var account = await accounts.GetAsync(accountName, cancellationToken);
            var mailboxes = await cli.Get<MailboxService>().ListAsync(account, null, cancellationToken);
            var alerts = await cli.Get<AlertService>().ListPendingAsync(account, cancellationToken);
            cli.Output.Properties(
            [
                ("Account", accountName.ToString()),
                ("Real name", account.RealName),
                ("Aliases", string.Join(", ", await accounts.ListAliasesAsync(account, cancellationToken))),
                ("Created", account.Created.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
                ("CRAM-MD5", account.Credentials.CramMd5Secret is null ? "no" : "yes"),
                ("Mailboxes", $"{mailboxes.Count} ({mailboxes.Sum(m => m.MessageCount)} messages, {mailboxes.Sum(m => m.TotalSize)} bytes)"),
                ("Settings", AccountService.GetSettings(account).ToString()),
                ("Preferences", PreferencesService.GetOwn(account).ToString()),
                ("Pending alerts", alerts.Count.ToString(CultureInfo.InvariantCulture)),
            ]);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Remove()
    {
        var name = NameArgument();
        var command = new Command("remove", "Remove an account with all its mailboxes and messages.") { name };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var accountName = AccountName.Parse(parse.GetRequiredValue(name));
            await cli.Get<AccountService>().RemoveAsync(accountName, cancellationToken);
            cli.Output.Line($"removed account {accountName}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Passwd()
    {
        var name = NameArgument();
        var password = PasswordInput.Option();
        var command = new Command("passwd", "Set an account's password.") { name, password };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var accountName = AccountName.Parse(parse.GetRequiredValue(name));
            var accounts = cli.Get<AccountService>();
            var account = await accounts.GetAsync(accountName, cancellationToken);
            await accounts.SetPasswordAsync(account, await PasswordInput.ReadAsync(parse, password, cancellationToken), cancellationToken);
            cli.Output.Line($"changed the password of {accountName}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
