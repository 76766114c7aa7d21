using System.CommandLine;
using Postern.Server.Configuration;
using Postern.Server.Hosting;

namespace Postern.Server.Cli;

/// <summary><c>postern serve</c>: runs the server until Ctrl-C or SIGTERM.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var domain = new Option<string?>("--domain") { Description = "The main domain created on first start (default: the host name).", HelpName = "NAME" };
        var httpPort = new Option<string?>("--http-port") { Description = "HTTP port: a number, 0 to disable, or auto (default 8100).", HelpName = "PORT" };
        var ximssPort = new Option<string?>("--ximss-port") { Description = "XIMSS port: a number, 0 to disable, or auto (default 11024).", HelpName = "PORT" };
        var ximssTlsPort = new Option<string?>("--ximss-tls-port") { Description = "XIMSS TLS port: a number, 0 to disable, or auto (default 0).", HelpName = "PORT" };
        var bind = new Option<string?>("--bind") { Description = "The address to listen on, or * for all (default *).", HelpName = "ADDRESS" };

        var command = new Command("serve", "Run the server on the data directory (creates it, a main domain and postmaster on first start).")
        {
            domain, httpPort, ximssPort, ximssTlsPort, bind,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = CommonOptions.Overrides(parse);
            Set(overrides, "Postern:Domain", parse.GetValue(domain));
            Set(overrides, "Postern:HttpPort", parse.GetValue(httpPort));
            Set(overrides, "Postern:XimssPort", parse.GetValue(ximssPort));
            Set(overrides, "Postern:XimssTlsPort", parse.GetValue(ximssTlsPort));
            Set(overrides, "Postern:BindAddress", parse.GetValue(bind));
            try
            {
                return await ServerHost.RunAsync(PosternConfiguration.Build(overrides), Console.Out, Console.Error, cancellationToken);
            }
            catch (Exception e) when (e is ConfigurationException or Accounts.AccountsException or Storage.StoreException or IOException)
            {
                await Console.Error.WriteLineAsync($"postern: {e.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static void Set(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
            overrides[key] = value;
    }
}
