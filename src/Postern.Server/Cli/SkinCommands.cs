using System.CommandLine;
using Postern.Skins;
using System.Globalization;
using Postern.Server.Hosting;

namespace Postern.Server.Cli;

/// <summary>
/// <c>postern skin …</c>: skin management (list, create, rename, remove, files, upload, download, delete),
/// server-wide or per domain, and the skin author tools (check, render).
/// </summary>
public static class SkinCommands
{
    /// <summary>The <c>skin</c> command with all its verbs.</summary>
    public static Command Create()
    {
        var skin = new Command("skin", "Manage WebUser skins (server-wide, or per domain with --domain) and check or render skin files.");
        skin.Subcommands.Add(ListCommand());
        skin.Subcommands.Add(CreateCommand());
        skin.Subcommands.Add(RenameCommand());
        skin.Subcommands.Add(RemoveCommand());
        skin.Subcommands.Add(FilesCommand());
        skin.Subcommands.Add(UploadCommand());
        skin.Subcommands.Add(DownloadCommand());
        skin.Subcommands.Add(DeleteCommand());
        skin.Subcommands.Add(SkinAuthorCommands.Check());
        skin.Subcommands.Add(SkinAuthorCommands.Render());
        return skin;
    }

    private static Command ListCommand()
    {
        var command = Verb("list", "List the server-wide skins, or a domain's skins.", out var stock, out var domain);
        command.SetAction(result => SkinCli.Run(result, stock, cli =>
        {
            cli.Tables.Table(["SKIN", "KIND", "FILES"], cli.Administration.ListSkins(result.GetValue(domain))
                .Select(s => (IReadOnlyList<string>)[SkinCli.DisplayName(s.Name), s.Kind.ToString(), s.FileCount.ToString(CultureInfo.InvariantCulture)]));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateCommand()
    {
        var command = Verb("create", "Create a named skin, or (without a name) the Unnamed skin.", out var stock, out var domain);
        var name = SkinNameArgument("The new skin's name; omit it to create the Unnamed skin.");
        command.Arguments.Add(name);
        command.SetAction(result => SkinCli.Run(result, stock, cli =>
        {
            cli.Administration.CreateSkin(result.GetValue(domain), result.GetValue(name));
            cli.Output.WriteLine($"created the {SkinCli.Describe(result.GetValue(domain), result.GetValue(name))}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command RenameCommand()
    {
        var command = Verb("rename", "Rename a named skin.", out var stock, out var domain);
        var name = new Argument<string>("name") { Description = "The skin to rename." };
        var newName = new Argument<string>("new-name") { Description = "Its new name." };
        command.Arguments.Add(name);
        command.Arguments.Add(newName);
        command.SetAction(result => SkinCli.Run(result, stock, cli =>
        {
            cli.Administration.RenameSkin(result.GetValue(domain), result.GetValue(name)!, result.GetValue(newName)!);
            cli.Output.WriteLine($"renamed the {SkinCli.Describe(result.GetValue(domain), result.GetValue(name))} to {result.GetValue(newName)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command RemoveCommand()
    {
        var command = Verb("remove", "Remove an empty skin; without a name, the Unnamed skin (only when no named skins are left).", out var stock, out var domain);
        var name = SkinNameArgument("The skin to remove; omit it for the Unnamed skin.");
        command.Arguments.Add(name);
        command.SetAction(result => SkinCli.Run(result, stock, cli =>
        {
            cli.Administration.RemoveSkin(result.GetValue(domain), result.GetValue(name));
            cli.Output.WriteLine($"removed the {SkinCli.Describe(result.GetValue(domain), result.GetValue(name))}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command FilesCommand()
    {
        var command = Verb("files", "List the files visible in a skin: its own, and those it inherits (marked default).", out var stock, out var domain);
        var name = SkinNameArgument("The skin; omit it for the Unnamed skin.");
        command.Arguments.Add(name);
        command.SetAction(result => SkinCli.Run(result, stock, cli =>
        {
            cli.Tables.Table(["MARKER", "NAME", "SIZE", "MODIFIED", "FROM"], cli.Administration.ListFiles(result.GetValue(domain), result.GetValue(name))
                .Select(f => (IReadOnlyList<string>)[
                    f.IsOwn ? "own" : "default", f.Name, f.Length.ToString(CultureInfo.InvariantCulture),
                    f.LastModifiedUtc.ToString("dd-MMM-yy HH:mm", CultureInfo.InvariantCulture), f.Origin.ToString()]));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command UploadCommand()
    {
        var command = Verb("upload", "Upload files to a skin; a .tar is unpacked, .wssp/.wssi must compile and .data must parse.", out var stock, out var domain);
        var skin = SkinOption();
        var files = new Argument<string[]>("files") { Description = "The files to upload.", Arity = ArgumentArity.OneOrMore };
        command.Options.Add(skin);
        command.Arguments.Add(files);
        command.SetAction(result => SkinCli.Run(result, stock, cli =>
        {
            var failed = false;
            foreach (var path in result.GetValue(files)!)
            {
                var upload = cli.Administration.Upload(result.GetValue(domain), result.GetValue(skin), Path.GetFileName(path), File.ReadAllBytes(path));
                if (upload.Error is { } error)
                {
                    SkinCli.ReportUploadError(cli, path, error);
                    failed = true;
                    continue;
                }
                foreach (var stored in upload.StoredFiles)
                    cli.Output.WriteLine($"stored {stored}");
                foreach (var skipped in upload.SkippedFiles)
                    cli.Output.WriteLine($"skipped hidden file {skipped}");
            }
            return failed ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    private static Command DownloadCommand()
    {
        var command = Verb("download", "Write a file visible in a skin (its own or inherited) to a file or to standard output.", out var stock, out var domain);
        var skin = SkinOption();
        var file = new Argument<string>("file") { Description = "The skin file name." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write it (default: standard output)." };
        command.Options.Add(skin);
        command.Options.Add(output);
        command.Arguments.Add(file);
        command.SetAction(result => SkinCli.Run(result, stock, cli =>
        {
            var found = cli.Administration.Download(result.GetValue(domain), result.GetValue(skin), result.GetValue(file)!);
            if (result.GetValue(output) is { } target)
            {
                File.WriteAllBytes(target, found.Content.ToArray());
                cli.Output.WriteLine($"wrote {found.Name} ({found.Length} bytes, from the {found.Skin}) to {target}");
            }
            else
            {
                cli.Output.Write(System.Text.Encoding.UTF8.GetString(found.Content.Span));
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command DeleteCommand()
    {
        var command = Verb("delete", "Delete files uploaded to a skin.", out var stock, out var domain);
        var skin = SkinOption();
        var files = new Argument<string[]>("files") { Description = "The skin file names.", Arity = ArgumentArity.OneOrMore };
        command.Options.Add(skin);
        command.Arguments.Add(files);
        command.SetAction(result => SkinCli.Run(result, stock, cli =>
        {
            foreach (var name in result.GetValue(files)!)
            {
                cli.Administration.DeleteFile(result.GetValue(domain), result.GetValue(skin), name);
                cli.Output.WriteLine($"deleted {SkinNames.NormalizeFileName(name)}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A management verb with the options every one of them has (<c>--data</c> is the root's).</summary>
    private static Command Verb(string name, string description, out Option<string> stock, out Option<string> domain)
    {
        var command = new Command(name, description);
        stock = SkinCli.StockOption();
        domain = SkinCli.DomainOption();
        command.Options.Add(stock);
        command.Options.Add(domain);
        return command;
    }

    private static Argument<string?> SkinNameArgument(string description) =>
        new("name") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    private static Option<string> SkinOption() =>
        new("--skin", "-s") { Description = "The skin (default: the Unnamed skin)." };
}
