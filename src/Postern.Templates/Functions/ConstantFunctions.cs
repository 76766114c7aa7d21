using Postern.Data;

namespace Postern.Templates.Functions;

/// <summary>Functions with fixed values: BOOLARRAY, EMPTY…, NULL, MONTHNAMES.</summary>
internal static class ConstantFunctions
{
    /// <summary>WSSP MONTHNAMES(): the twelve English three-letter month names.</summary>
    public static DataArray MonthNames { get; } =
        (DataArray)DataArray.OfStrings(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]).MakeReadOnly();

    private static readonly DataArray s_boolArray = (DataArray)DataArray.OfStrings(["NO", "YES"]).MakeReadOnly();
    private static readonly DataArray s_emptyArray = (DataArray)new DataArray().MakeReadOnly();
    private static readonly DataDictionary s_emptyDictionary = (DataDictionary)new DataDictionary().MakeReadOnly();

    public static IEnumerable<FunctionDefinition> All =>
    [
        Constant("BOOLARRAY", s_boolArray),
        Constant("EMPTYARRAY", s_emptyArray),
        Constant("EMPTYDICTIONARY", s_emptyDictionary),
        Constant("EMPTYSTRING", DataString.Empty),
        Constant("NULL", null),
        Constant("MONTHNAMES", MonthNames),
    ];

    private static FunctionDefinition Constant(string name, DataValue? value) =>
        new(name, ArgumentShape.None, (_, _) => value);
}
