using Postern.Data;
using Postern.Templates.Rendering;
using static Postern.Templates.Rendering.ValueSemantics;

namespace Postern.Templates.Functions;

/// <summary>Tests of a FOREACH scanner's position: ISFIRST, ISLAST, ISEVEN, ISHALF, ISINDEX.</summary>
/// <remarks>The index is the element's position in the collection, so in FOREACHREV ISFIRST is true on the
/// last iteration (WSSP: "if the current value of the array index is zero").</remarks>
internal static class ScannerFunctions
{
    public static IEnumerable<FunctionDefinition> All =>
    [
        Test("ISFIRST", f => f.Index == 0),
        Test("ISLAST", f => f.Index == f.Count - 1),
        Test("ISEVEN", f => f.Index % 2 == 0),
        Test("ISHALF", f => f.Index == f.Count / 2),
        new("ISINDEX", ArgumentShape.ExpressionInScanner, (call, state) =>
        {
            var frame = call.ScannerFrame(state);
            return Bool(TryGetNumber(call.Arguments[0].Evaluate(state), out var n) && n == frame.Index);
        }),
    ];

    private static FunctionDefinition Test(string name, Func<ScannerFrame, bool> test) =>
        new(name, ArgumentShape.Scanner, (call, state) => Bool(test(call.ScannerFrame(state))));
}
