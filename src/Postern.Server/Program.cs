using System.CommandLine;
using Postern.Server.Cli;

// One line per verb group; each group lives in its own file under Cli/.
var root = new RootCommand("Postern: a XIMSS and WebUser groupware access server.")
{
    CommonOptions.Data,
    ServeCommand.Create(),
    DomainCommands.Create(),
    AccountCommands.Create(),
    MailboxCommands.Create(),
    MboxCommands.Import(),
    MboxCommands.Export(),
    DeliverCommand.Create(),
    QueueCommands.Create(),
    StoreCommands.Create(),
    MimeInspectCommand.Create(),
    SkinCommands.Create(),
    MonitorCommands.Create(),
};
return await CliRunner.RunAsync(root, args);
