namespace Postern.Templates.Functions;

/// <summary>Every WSSP function by name (case-insensitive).</summary>
internal static class FunctionTable
{
    private static readonly Dictionary<string, FunctionDefinition> s_functions =
        ValueFunctions.All
            .Concat(ScannerFunctions.All)
            .Concat(ConstantFunctions.All)
            .Concat(EnvironmentFunctions.All)
            .ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string name, out FunctionDefinition function) =>
        s_functions.TryGetValue(name, out function!);
}
