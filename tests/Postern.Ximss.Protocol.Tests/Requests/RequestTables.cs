using Postern.Testing;

namespace Postern.Ximss.Protocol.Tests.Requests;

/// <summary>Reads the request tables under TestData/Requests: "|"-separated columns, the XML last.</summary>
internal static class RequestTables
{
    public static IEnumerable<string[]> Rows(string file, int columns) =>
        TestData.Text("Requests", file)
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(" | ", columns).Select(cell => cell.Trim()).ToArray());

    public static bool IsAuthenticated(string state) => state switch
    {
        "pre" => false,
        "post" => true,
        _ => throw new FormatException($"Unknown session state '{state}'."),
    };
}
