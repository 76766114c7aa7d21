using Postern.Testing;

namespace Postern.Ximss.Protocol.Tests.Support;

/// <summary>Reads the table files under TestData: one row per line, "|"-separated columns (the last one may contain anything), "#" comments.</summary>
internal static class TableFile
{
    public static IEnumerable<string[]> Rows(string folder, string file, int columns) =>
        TestData.Text(folder, file)
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(" | ", columns).Select((cell, i) => i < columns - 1 ? cell.Trim() : cell.TrimStart()).ToArray());

    public static bool IsAuthenticated(string state) => state switch
    {
        "pre" => false,
        "post" => true,
        _ => throw new FormatException($"Unknown session state '{state}'."),
    };
}
