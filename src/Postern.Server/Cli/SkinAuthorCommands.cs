using System.CommandLine;
using Postern.Data;
using Postern.Skins;
using Postern.Server.Hosting;
using Postern.Templates;

namespace Postern.Server.Cli;

/// <summary>
/// The skin author tools: <c>postern skin check FILE…</c> compiles pages and parses Text Datasets, and
/// <c>postern skin render FILE.wssp --dataset DATA</c> renders a page against a dataset, resolving
/// includes and strings from the page's own directory first, then through the skin hierarchy.
/// </summary>
internal static class SkinAuthorCommands
{
    public static Command Check()
    {
        var command = new Command("check", "Compile .wssp/.wssi files and parse .data files, reporting errors with file:line:column.");
        var files = new Argument<string[]>("files") { Description = "The skin files to check.", Arity = ArgumentArity.OneOrMore };
        command.Arguments.Add(files);
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var failed = 0;
            foreach (var path in result.GetValue(files)!)
            {
                if (!File.Exists(path))
                {
                    error.WriteLine($"{path}: no such file.");
                    failed++;
                }
                else if (!CheckFile(path, output, error))
                {
                    failed++;
                }
            }
            return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static bool CheckFile(string path, TextWriter output, TextWriter error)
    {
        var text = DataParser.DecodeUtf8(File.ReadAllBytes(path));
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".wssp" or ".wssi":
                if (!WsspCompiler.TryCompile(text, path, out _, out var templateError))
                {
                    SkinCli.ReportSourceError(error, templateError.ToString(), text, templateError.Location);
                    return false;
                }
                break;
            case ".data":
                if (!DataParser.TryParse(text, out var value, out var dataError, path))
                {
                    SkinCli.ReportSourceError(error, dataError.ToString(), text, dataError.Location);
                    return false;
                }
                if (value is not DataDictionary)
                {
                    error.WriteLine($"{path}:1:1: A Text Dataset must be a dictionary ({{...}}).");
                    return false;
                }
                break;
            default:
                output.WriteLine($"{path}: not a page or Text Dataset; nothing to check.");
                return true;
        }
        output.WriteLine($"{path}: ok");
        return true;
    }

    public static Command Render()
    {
        var command = new Command("render", "Render a page against a dataset (a dictionary file), with includes and strings from the page's directory and the skin hierarchy.");
        var file = new Argument<string>("file") { Description = "The .wssp (or .wssi) file to render." };
        var dataset = new Option<string>("--dataset") { Description = "The dataset: a file holding one dictionary in the CommuniGate text format (default: empty)." };
        var session = new Option<string>("--session") { Description = "The Session Dataset for SESSION(): a dictionary file." };
        var settings = new Option<string>("--settings") { Description = "The WebUser settings for SETTINGS(): a dictionary file." };
        var skin = new Option<string>("--skin", "-s") { Description = "The skin whose files and strings back the page (default: the Unnamed skin)." };
        var language = new Option<string>("--language", "-l") { Description = "The language of the Text Dataset (german reads german.data first)." };
        var timeZone = new Option<string>("--time-zone") { Description = "The user's time zone for dates (an IANA id; default UTC)." };
        var output = new Option<string>("--output", "-o") { Description = "Write the page to this file, in the dataset's charset (default: standard output)." };
        var stock = SkinCli.StockOption();
        var domain = SkinCli.DomainOption();
        command.Arguments.Add(file);
        foreach (var option in new Option[] { dataset, session, settings, skin, language, timeZone, output, stock, domain })
            command.Options.Add(option);

        command.SetAction(result => SkinCli.Run(result, stock, cli =>
        {
            var path = result.GetValue(file)!;
            var text = DataParser.DecodeUtf8(File.ReadAllBytes(path));
            if (!WsspCompiler.TryCompile(text, path, out var page, out var compileError))
            {
                SkinCli.ReportSourceError(cli.Error, compileError.ToString(), text, compileError.Location);
                return ExitCodes.Failure;
            }

            var selected = cli.Catalog.Select(result.GetValue(domain), result.GetValue(skin))
                .WithWorkingDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var values = ReadDictionary(result.GetValue(dataset));
            // Pages link their images and style sheets with filesRef; give them the skin's.
            values.TryAdd("filesRef", selected.FilesRef);
            var sessionValues = ReadDictionary(result.GetValue(session));
            sessionValues.TryAdd("filesRef", selected.FilesRef);
            var zone = result.GetValue(timeZone) is { } zoneId ? TimeZoneInfo.FindSystemTimeZoneById(zoneId) : TimeZoneInfo.Utc;
            var context = new TemplateContext(values)
            {
                Session = sessionValues,
                Settings = ReadDictionary(result.GetValue(settings)),
                Strings = selected.Strings(result.GetValue(language)),
                Includes = selected,
                Language = result.GetValue(language),
                TimeZone = zone,
                ServerVersion = "Postern",
            };

            RenderedPage rendered;
            try
            {
                rendered = page.Render(context);
            }
            catch (TemplateRenderException e)
            {
                cli.Error.WriteLine(e.Error.ToString());
                return ExitCodes.Failure;
            }
            if (rendered.Redirect is { } redirect)
                cli.Error.WriteLine($"The page redirects to {redirect.Url}{(redirect.IsRelative ? " (relative)" : "")}.");
            if (result.GetValue(output) is { } target)
                File.WriteAllBytes(target, rendered.GetBytes());
            else
                cli.Output.Write(rendered.Text);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DataDictionary ReadDictionary(string? path) =>
        path is null ? new DataDictionary() : DataParser.ParseDictionary(DataParser.DecodeUtf8(File.ReadAllBytes(path)), path);
}
