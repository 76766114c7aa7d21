using System.CommandLine;
using Postern.Skins;
using Spectre.Console;

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
        var command = Verb("list", "List the server-wide skins, or a domain's skins.", out var data, out var stock, out var domain);
        command.SetAction(result => SkinCli.Run(result, data, stock, cli =>
        {
            var table = SkinCli.Table("Skin", "Kind", "Files");
            foreach (var summary in cli.Administration.ListSkins(result.GetValue(domain)))
                table.AddRow(Markup.Escape(SkinCli.DisplayName(summary.Name)), summary.Kind.ToString(), summary.FileCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cli.Console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command CreateCommand()
    {
        var command = Verb("create", "Create a named skin, or (without a name) the Unnamed skin.", out var data, out var stock, out var domain);
        var name = SkinNameArgument("The new skin's name; omit it to create the Unnamed skin.");
        command.Arguments.Add(name);
        command.SetAction(result => SkinCli.Run(result, data, stock, cli =>
        {
            cli.Administration.CreateSkin(result.GetValue(domain), result.GetValue(name));
            cli.Output.WriteLine($"Created the {SkinCli.Describe(result.GetValue(domain), result.GetValue(name))}.");
            return 0;
        }));
        return command;
    }

    private static Command RenameCommand()
    {
        var command = Verb("rename", "Rename a named skin.", out var data, out var stock, out var domain);
        var name = new Argument<string>("name") { Description = "The skin to rename." };
        var newName = new Argument<string>("new-name") { Description = "Its new name." };
        command.Arguments.Add(name);
        command.Arguments.Add(newName);
        command.SetAction(result => SkinCli.Run(result, data, stock, cli =>
        {
            cli.Administration.RenameSkin(result.GetValue(domain), result.GetValue(name)!, result.GetValue(newName)!);
            cli.Output.WriteLine($"Renamed the {SkinCli.Describe(result.GetValue(domain), result.GetValue(name))} to {result.GetValue(newName)}.");
            return 0;
        }));
        return command;
    }

    private static Command RemoveCommand()
    {
        var command = Verb("remove", "Remove an empty skin; without a name, the Unnamed skin (only when no named skins are left).", out var data, out var stock, out var domain);
        var name = SkinNameArgument("The skin to remove; omit it for the Unnamed skin.");
        command.Arguments.Add(name);
        command.SetAction(result => SkinCli.Run(result, data, stock, cli =>
        {
            cli.Administration.RemoveSkin(result.GetValue(domain), result.GetValue(name));
            cli.Output.WriteLine($"Removed the {SkinCli.Describe(result.GetValue(domain), result.GetValue(name))}.");
            return 0;
        }));
        return command;
    }

    private static Command FilesCommand()
    {
        var command = Verb("files", "List the files visible in a skin: its own, and those it inherits (marked default).", out var data, out var stock, out var domain);
        var name = SkinNameArgument("The skin; omit it for the Unnamed skin.");
        command.Arguments.Add(name);
        command.SetAction(result => SkinCli.Run(result, data, stock, cli =>
        {
            var table = SkinCli.Table("Marker", "Name", "Size", "Modified", "From");
            foreach (var file in cli.Administration.ListFiles(result.GetValue(domain), result.GetValue(name)))
            {
                table.AddRow(file.IsOwn ? "own" : "default", Markup.Escape(file.Name),
                    file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    file.LastModifiedUtc.ToString("dd-MMM-yy HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(file.Origin.ToString()));
            }
            cli.Console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command UploadCommand()
    {
        var command = Verb("upload", "Upload files to a skin; a .tar is unpacked, .wssp/.wssi must compile and .data must parse.", out var data, out var stock, out var domain);
        var skin = SkinOption();
        var files = new Argument<string[]>("files") { Description = "The files to upload.", Arity = ArgumentArity.OneOrMore };
        command.Options.Add(skin);
        command.Arguments.Add(files);
        command.SetAction(result => SkinCli.Run(result, data, stock, cli =>
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
                    cli.Output.WriteLine($"Stored {stored}.");
                foreach (var skipped in upload.SkippedFiles)
                    cli.Output.WriteLine($"Skipped hidden file {skipped}.");
            }
            return failed ? 1 : 0;
        }));
        return command;
    }

    private static Command DownloadCommand()
    {
        var command = Verb("download", "Write a file visible in a skin (its own or inherited) to a file or to standard output.", out var data, out var stock, out var domain);
        var skin = SkinOption();
        var file = new Argument<string>("file") { Description = "The skin file name." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write it (default: standard output)." };
        command.Options.Add(skin);
        command.Options.Add(output);
        command.Arguments.Add(file);
        command.SetAction(result => SkinCli.Run(result, data, stock, cli =>
        {
            var found = cli.Administration.Download(result.GetValue(domain), result.GetValue(skin), result.GetValue(file)!);
            if (result.GetValue(output) is { } target)
            {
                File.WriteAllBytes(target, found.Content.ToArray());
                cli.Output.WriteLine($"Wrote {found.Name} ({found.Length} bytes, from the {found.Skin}) to {target}.");
            }
            else
            {
                cli.Output.Write(System.Text.Encoding.UTF8.GetString(found.Content.Span));
            }
            return 0;
        }));
        return command;
    }

    private static Command DeleteCommand()
    {
        var command = Verb("delete", "Delete files uploaded to a skin.", out var data, out var stock, out var domain);
        var skin = SkinOption();
        var files = new Argument<string[]>("files") { Description = "The skin file names.", Arity = ArgumentArity.OneOrMore };
        command.Options.Add(skin);
        command.Arguments.Add(files);
        command.SetAction(result => SkinCli.Run(result, data, stock, cli =>
        {
            foreach (var name in result.GetValue(files)!)
            {
                cli.Administration.DeleteFile(result.GetValue(domain), result.GetValue(skin), name);
                cli.Output.WriteLine($"Deleted {SkinNames.NormalizeFileName(name)}.");
            }
            return 0;
        }));
        return command;
    }

    /// <summary>A management verb with the options every one of them has.</summary>
    private static Command Verb(string name, string description, out Option<string> data, out Option<string> stock, out Option<string> domain)
    {
        var command = new Command(name, description);
        data = SkinCli.DataOption();
        stock = SkinCli.StockOption();
        domain = SkinCli.DomainOption();
        command.Options.Add(data);
        command.Options.Add(stock);
        command.Options.Add(domain);
        return command;
    }

    private static Argument<string?> SkinNameArgument(string description) =>
        new("name") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    private static Option<string> SkinOption() =>
        new("--skin", "-s") { Description = "The skin (default: the Unnamed skin)." };
}
