using System.CommandLine;
using Postern.Server.Cli;

var root = new RootCommand("Postern: a XIMSS and WebUser groupware access server.");
root.Subcommands.Add(SkinCommands.Create());
return await root.Parse(args).InvokeAsync();
