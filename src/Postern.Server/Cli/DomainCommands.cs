using System.CommandLine;
using System.Globalization;
using Postern.Accounts;
using Postern.Server.Hosting;

namespace Postern.Server.Cli;

/// <summary><c>postern domain add|list|remove|settings|set</c>.</summary>
internal static class DomainCommands
{
    public static Command Create() => new("domain", "Manage domains.")
    {
        Add(),
        List(),
        Remove(),
        DomainSettingsCommands.Show(),
        DomainSettingsCommands.Set(),
    };

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The domain name, e.g. example.com." };
        var command = new Command("add", "Create a domain.") { name };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var domain = await cli.Get<DomainService>().CreateAsync(parse.GetRequiredValue(name), cancellationToken);
            cli.Output.Line($"created domain {domain.Name}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List domains with their aliases and account counts.");
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var domains = cli.Get<DomainService>();
            var store = cli.Get<Storage.IStore>();
            var main = await domains.GetMainDomainNameAsync(cancellationToken);
            var rows = new List<IReadOnlyList<string>>();
            foreach (var domain in await domains.ListAsync(cancellationToken))
            {
                var accounts = await store.Accounts.ListAsync(domain.Id, cancellationToken);
                var aliases = await domains.ListAliasesAsync(domain, cancellationToken);
                rows.Add([
                    domain.Name + (domain.Name == main ? " (main)" : ""),
                    accounts.Count.ToString(CultureInfo.InvariantCulture),
                    string.Join(", ", aliases),
                ]);
            }
            cli.Output.Table(["DOMAIN", "ACCOUNTS", "ALIASES"], rows);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("name") { Description = "The domain to remove." };
        var force = new Option<bool>("--force") { Description = "Remove it even if it has accounts (they are removed with it)." };
        var command = new Command("remove", "Remove a domain.") { name, force };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var domain = await cli.Get<DomainService>().RemoveAsync(parse.GetRequiredValue(name), parse.GetValue(force), cancellationToken);
            cli.Output.Line($"removed domain {domain.Name}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
