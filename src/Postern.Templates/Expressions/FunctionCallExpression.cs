using Postern.Data;
using Postern.Templates.Functions;
using Postern.Templates.Rendering;
using Postern.Templates.Syntax;

namespace Postern.Templates.Expressions;

/// <summary>A call of a WSSP function; which fields are set depends on the function's argument shape.</summary>
internal sealed class FunctionCallExpression(int offset, FunctionDefinition function) : Expression(offset)
{
    public FunctionDefinition Function { get; } = function;

    /// <summary>The argument expressions (one, or two for the <c>a AND b</c> / <c>x IN y</c> forms).</summary>
    public Expression[] Arguments { get; init; } = [];

    /// <summary>The literal key of SESSION(key), SETTINGS(key), ACCOUNTSETTINGS(key).</summary>
    public string Key { get; init; } = "";

    /// <summary>The scanner of ISFIRST(s) and the other scanner tests.</summary>
    public ScannerName Scanner { get; init; }

    public override DataValue? Evaluate(RenderState state) => Function.Evaluate(this, state);

    /// <summary>The state of the named scanner; an error when no such FOREACH is active.</summary>
    public ScannerFrame ScannerFrame(RenderState state) =>
        state.TryGetScanner(Scanner.Key, out var frame)
            ? frame
            : throw state.Error(Offset, $"{Function.Name}({Scanner.Display}) is used outside a FOREACH {Scanner.Display} loop.");
}
