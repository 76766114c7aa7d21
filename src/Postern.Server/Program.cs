using System.CommandLine;

var root = new RootCommand("Postern: a XIMSS and WebUser groupware access server.");
return await root.Parse(args).InvokeAsync();
