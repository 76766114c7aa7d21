using System.CommandLine;
using Postern.Server.Cli;

var root = new RootCommand("Postern: a XIMSS and WebUser groupware access server.")
{
    MimeInspectCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
