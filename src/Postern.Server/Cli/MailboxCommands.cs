using System.CommandLine;
using System.Globalization;
using Postern.Accounts;
using Postern.Mail.Mailboxes;
using Postern.Server.Hosting;

namespace Postern.Server.Cli;

/// <summary><c>postern mailbox list|create|remove ACCOUNT …</c>.</summary>
internal static class MailboxCommands
{
    public static Command Create() => new("mailbox", "Manage an account's mailboxes.")
    {
        List(),
        CreateMailbox(),
        Remove(),
    };

    private static Argument<string> AccountArgument() => new("account") { Description = "The account, name@domain." };

    private static Argument<string> MailboxArgument() => new("mailbox") { Description = "The mailbox name; levels separated by /." };

    private static Command List()
    {
        var account = AccountArgument();
        var command = new Command("list", "List an account's mailboxes with their counters.") { account };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var owner = await cli.Get<AccountService>().GetAsync(AccountName.Parse(parse.GetRequiredValue(account)), cancellationToken);
            var mailboxes = cli.Get<MailboxService>();
            var subscribed = (await mailboxes.ListSubscriptionsAsync(owner, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var rows = (await mailboxes.ListAsync(owner, null, cancellationToken)).Select(m => (IReadOnlyList<string>)
            [
                m.Name,
                MailboxClass.Describe(m.Class),
                m.MessageCount.ToString(CultureInfo.InvariantCulture),
                m.UnseenCount.ToString(CultureInfo.InvariantCulture),
                m.TotalSize.ToString(CultureInfo.InvariantCulture),
                m.UidNext.ToString(CultureInfo.InvariantCulture),
                subscribed.Contains(m.Name) ? "yes" : "no",
            ]);
            cli.Output.Table(["MAILBOX", "CLASS", "MESSAGES", "UNSEEN", "BYTES", "UIDNEXT", "SUBSCRIBED"], rows);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateMailbox()
    {
        var account = AccountArgument();
        var mailbox = MailboxArgument();
        var mailboxClass = new Option<string?>("--class")
        {
            Description = "mail (default), calendar, tasks, contacts, notes, or an IPF class.",
            HelpName = "CLASS",
        };
        var command = new Command("create", "Create a mailbox.") { account, mailbox, mailboxClass };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var owner = await cli.Get<AccountService>().GetAsync(AccountName.Parse(parse.GetRequiredValue(account)), cancellationToken);
            var created = await cli.Get<MailboxService>().CreateAsync(owner, parse.GetRequiredValue(mailbox), parse.GetValue(mailboxClass) ?? "", cancellationToken);
            cli.Output.Line($"created mailbox {created.Name} ({MailboxClass.Describe(created.Class)})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Remove()
    {
        var account = AccountArgument();
        var mailbox = MailboxArgument();
        var children = new Option<bool>("--children") { Description = "Also remove the mailboxes below it." };
        var command = new Command("remove", "Remove a mailbox with its messages.") { account, mailbox, children };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var owner = await cli.Get<AccountService>().GetAsync(AccountName.Parse(parse.GetRequiredValue(account)), cancellationToken);
            var removed = await cli.Get<MailboxService>().RemoveAsync(owner, parse.GetRequiredValue(mailbox), parse.GetValue(children), cancellationToken);
            foreach (var name in removed)
                cli.Output.Line($"removed mailbox {name}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
