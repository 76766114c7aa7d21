using Postern.Data;
using Postern.Templates.Expressions;
using Postern.Templates.Rendering;

namespace Postern.Templates.Functions;

/// <summary>How a function's arguments are written.</summary>
internal enum ArgumentShape
{
    /// <summary><c>NAME()</c>.</summary>
    None,

    /// <summary><c>NAME(expression)</c>.</summary>
    Expression,

    /// <summary><c>NAME(key)</c> or <c>NAME("key")</c>: a bare name is the literal key (SESSION(ID)).</summary>
    LiteralKey,

    /// <summary><c>NAME(scanner)</c> or <c>NAME(scanner[])</c>.</summary>
    Scanner,

    /// <summary><c>NAME(a SEPARATOR b)</c>: EQUALS(a AND b), CONTAINS(x IN array), TRANSLATE(s USING dict).</summary>
    Pair,

    /// <summary><c>ISINDEX(expression IN scanner)</c>.</summary>
    ExpressionInScanner,
}

/// <summary>One WSSP function: its name, how its arguments are written and what it computes.</summary>
internal sealed class FunctionDefinition(
    string name,
    ArgumentShape shape,
    Func<FunctionCallExpression, RenderState, DataValue?> evaluate,
    string separator = "")
{
    public string Name { get; } = name;

    public ArgumentShape Shape { get; } = shape;

    /// <summary>The word between the two arguments of a <see cref="ArgumentShape.Pair"/> (AND, IN, USING).</summary>
    public string Separator { get; } = shape == ArgumentShape.ExpressionInScanner ? "IN" : separator;

    public DataValue? Evaluate(FunctionCallExpression call, RenderState state) => evaluate(call, state);
}
