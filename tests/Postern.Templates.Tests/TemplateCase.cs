using System.Text.RegularExpressions;
using Postern.Data;

namespace Postern.Templates.Tests;

/// <summary>
/// One WSSP case file: a template, the files it includes, the dataset and environment it renders with, and
/// the expected output or error.
/// </summary>
/// <remarks>
/// A case file is a sequence of sections, each opened by a line <c>=== name [arguments]</c>:
/// <list type="bullet">
/// <item><c>=== template [file.wssp] [crlf]</c> — the page (default name <c>page.wssp</c>).</item>
/// <item><c>=== include name.wssi [crlf]</c> — a file INCLUDE can name (any number).</item>
/// <item><c>=== dataset</c>, <c>=== strings</c>, <c>=== session</c>, <c>=== settings</c>,
/// <c>=== accountsettings</c> — dictionaries in the CommuniGate text format.</item>
/// <item><c>=== context</c> — a dictionary of environment values: Language, TimeZone, TimeZoneName, Now,
/// ServerVersion, RequestResource, RequestSourceIP, RequestSecure, Mailboxes, KnownTimeZones,
/// KnownCharsets, RandomSeed, MaxSteps, MaxIncludeDepth, MaxOutputChars, MaxNestingDepth.</item>
/// <item><c>=== expected [crlf]</c> — the exact output; <c>=== error</c> — the exact
/// <c>file:line:column: message</c>; <c>=== redirect</c> — <c>[relative ]url</c>; <c>=== charset</c>.</item>
/// </list>
/// A section's text is the lines between its marker and the next, without the final line break; the
/// <c>crlf</c> argument turns its line breaks into CRLF.
/// </remarks>
internal sealed partial class TemplateCase
{
    [GeneratedRegex(@"^=== (?<name>[a-z]+)(?<args>( +\S+)*) *$")]
    private static partial Regex MarkerPattern();

    public string TemplateName { get; private set; } = "page.wssp";
    public string Template { get; private set; } = "";
    public Dictionary<string, string> Includes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);

    public static TemplateCase Load(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var result = new TemplateCase();
        string? name = null;
        string[] args = [];
        var body = new List<string>();

        void Flush()
        {
            if (name is null)
                return;
            var content = string.Join("\n", body);
            if (args.Contains("crlf"))
                content = content.Replace("\n", "\r\n", StringComparison.Ordinal);
            var target = args.FirstOrDefault(a => a != "crlf");
            switch (name)
            {
                case "template":
                    result.Template = content;
                    result.TemplateName = target ?? "page.wssp";
                    break;
                case "include":
                    result.Includes[target ?? throw new InvalidDataException($"{path}: '=== include' needs a file name.")] = content;
                    break;
                default:
                    result.Sections[name] = content;
                    break;
            }
        }

        foreach (var line in text.Split('\n'))
        {
            var marker = MarkerPattern().Match(line);
            if (marker.Success)
            {
                Flush();
                name = marker.Groups["name"].Value;
                args = marker.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                body.Clear();
            }
            else if (name is null)
            {
                if (line.Length > 0)
                    throw new InvalidDataException($"{path}: text before the first '=== section' line.");
            }
            else
            {
                body.Add(line);
            }
        }
        if (body.Count > 0 && body[^1].Length == 0 && text.EndsWith('\n'))
            body.RemoveAt(body.Count - 1);
        Flush();
        return result;
    }

    public DataDictionary Dictionary(string section) =>
        Sections.TryGetValue(section, out var text) ? DataParser.ParseDictionary(text, section) : new DataDictionary();

    public string? Section(string section) => Sections.GetValueOrDefault(section);
}
