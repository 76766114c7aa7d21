using Spectre.Console;

namespace Postern.Server.Cli;

/// <summary>
/// The verbs' output: tables and progress on a terminal; plain lines (aligned columns, one line per
/// progress step) when the output goes to a file or a pipe, so scripts read whole values.
/// </summary>
/// <param name="writer">Where plain output goes; null for the console (in-process tests pass their own writer).</param>
internal sealed class CliOutput(TextWriter? writer = null)
{
    private readonly TextWriter _writer = writer ?? Console.Out;

    public bool IsTerminal { get; } = writer is null && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public void Line(string text) => _writer.WriteLine(text);

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var materialized = rows.ToList();
        if (IsTerminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in headers)
                table.AddColumn(new TableColumn(Markup.Escape(header)));
            foreach (var row in materialized)
                table.AddRow(row.Select(cell => new Text(cell)).ToArray());
            AnsiConsole.Write(table);
            return;
        }

        var widths = headers.Select((header, i) => materialized.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
        Line(Join(headers, widths));
        foreach (var row in materialized)
            Line(Join(row, widths));
    }

    /// <summary>Name: value lines, for one object.</summary>
    public void Properties(IEnumerable<(string Name, string Value)> properties)
    {
        var list = properties.ToList();
        var width = list.Max(p => p.Name.Length) + 1;
        foreach (var (name, value) in list)
            Line((name + ":").PadRight(width + 1) + value);
    }

    private static string Join(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == cells.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd();
}
