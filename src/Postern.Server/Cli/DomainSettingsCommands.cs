using System.CommandLine;
using Postern.Accounts;
using Postern.Data;
using Postern.Server.Hosting;

namespace Postern.Server.Cli;

/// <summary>
/// <c>postern domain settings DOMAIN</c> and <c>postern domain set DOMAIN KEY [VALUE]</c>: a domain's
/// settings dictionary (for example <c>AutoSignup YES</c>, which lets XIMSS clients sign up).
/// </summary>
internal static class DomainSettingsCommands
{
    public static Command Show()
    {
        var name = new Argument<string>("name") { Description = "The domain." };
        var command = new Command("settings", "Show a domain's settings.") { name };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var domain = await cli.Get<DomainService>().GetAsync(parse.GetRequiredValue(name), cancellationToken);
            var settings = DomainService.GetSettings(domain);
            if (settings.Count == 0)
                cli.Output.Line($"domain {domain.Name} has no settings of its own");
            else
                cli.Output.Properties(settings.Select(entry => (entry.Key, DataWriter.Write(entry.Value))));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Set()
    {
        var name = new Argument<string>("name") { Description = "The domain." };
        var key = new Argument<string>("key") { Description = "The setting, e.g. AutoSignup." };
        var value = new Argument<string?>("value") { Description = "The value (a string, or CommuniGate dictionary text); none removes the setting.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("set", "Change one of a domain's settings.") { name, key, value };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var domains = cli.Get<DomainService>();
            var domain = await domains.GetAsync(parse.GetRequiredValue(name), cancellationToken);
            var settings = DomainService.GetSettings(domain);
            var setting = parse.GetRequiredValue(key);
            if (parse.GetValue(value) is { } text)
                settings[setting] = DataParser.TryParse(text, out var parsed, out _) ? parsed : DataString.From(text);
            else
                settings.Remove(setting);
            await domains.SetSettingsAsync(domain, settings, cancellationToken);
            cli.Output.Line(settings.ContainsKey(setting) ? $"{domain.Name}: {setting} = {DataWriter.Write(settings[setting])}" : $"{domain.Name}: {setting} removed");
            return ExitCodes.Success;
        }));
        return command;
    }
}
