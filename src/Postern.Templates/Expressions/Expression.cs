using Postern.Data;
using Postern.Templates.Rendering;
using Postern.Templates.Syntax;

namespace Postern.Templates.Expressions;

/// <summary>A WSSP expression. Evaluating never returns <see cref="DataNull"/>: the null-value is <see langword="null"/>.</summary>
internal abstract class Expression(int offset)
{
    /// <summary>Where the expression starts in its file, for render errors.</summary>
    public int Offset { get; } = offset;

    public abstract DataValue? Evaluate(RenderState state);
}

/// <summary>A string constant or a number.</summary>
internal sealed class ConstantExpression(int offset, DataValue value) : Expression(offset)
{
    public DataValue Value { get; } = value;

    public override DataValue? Evaluate(RenderState state) => Value;
}

/// <summary>A data element: a dataset key (case-insensitive); a missing key is the null-value.</summary>
internal sealed class DataElementExpression(int offset, string name) : Expression(offset)
{
    public string Name { get; } = name;

    public override DataValue? Evaluate(RenderState state) => ValueSemantics.Normalize(state.Dataset.Find(Name));
}

/// <summary>An array scanner <c>name[]</c>: the current element of the enclosing FOREACH name.</summary>
internal sealed class ScannerExpression(int offset, ScannerName name) : Expression(offset)
{
    public override DataValue? Evaluate(RenderState state) =>
        state.TryGetScanner(name.Key, out var frame)
            ? frame.Current
            : throw state.Error(Offset, $"{name.Display}[] is used outside a FOREACH {name.Display} loop.");
}

/// <summary>A keyed element <c>expr.key</c>: the value of <c>key</c> in the dictionary <c>expr</c>.</summary>
internal sealed class KeyedExpression(int offset, Expression target, string key) : Expression(offset)
{
    public override DataValue? Evaluate(RenderState state) =>
        target.Evaluate(state) is DataDictionary dictionary ? ValueSemantics.Normalize(dictionary.Find(key)) : null;
}

/// <summary>
/// An indexed element <c>expr[n]</c>: element <c>n</c> (from 0) of an array; with a string index on a
/// dictionary, the value of that key (so a FOREACH over a dictionary's keys can reach its values).
/// </summary>
internal sealed class IndexedExpression(int offset, Expression target, Expression index) : Expression(offset)
{
    public override DataValue? Evaluate(RenderState state)
    {
        var collection = target.Evaluate(state);
        var at = index.Evaluate(state);
        switch (collection)
        {
            case DataArray array when ValueSemantics.TryGetNumber(at, out var n):
                return n >= 0 && n < array.Count ? ValueSemantics.Normalize(array[(int)n]) : null;
            case DataDictionary dictionary when at is DataString key:
                return ValueSemantics.Normalize(dictionary.Find(key.Value));
            default:
                return null;
        }
    }
}

internal enum LogicalOperator
{
    And,
    Or,
    ExclusiveOr,
}

/// <summary><c>a &amp; b</c>, <c>a | b</c>, <c>a ^ b</c>: <c>YES</c> or the null-value.</summary>
internal sealed class LogicalExpression(int offset, LogicalOperator op, Expression left, Expression right) : Expression(offset)
{
    public override DataValue? Evaluate(RenderState state) => op switch
    {
        LogicalOperator.And => ValueSemantics.Bool(ValueSemantics.IsTrue(left.Evaluate(state)) && ValueSemantics.IsTrue(right.Evaluate(state))),
        LogicalOperator.Or => ValueSemantics.Bool(ValueSemantics.IsTrue(left.Evaluate(state)) || ValueSemantics.IsTrue(right.Evaluate(state))),
        _ => ValueSemantics.Bool(ValueSemantics.IsTrue(left.Evaluate(state)) != ValueSemantics.IsTrue(right.Evaluate(state))),
    };
}

/// <summary><c>a == b</c> and <c>a != b</c>, with EQUALS semantics.</summary>
internal sealed class ComparisonExpression(int offset, bool negate, Expression left, Expression right) : Expression(offset)
{
    public override DataValue? Evaluate(RenderState state) =>
        ValueSemantics.Bool(ValueSemantics.AreEqual(left.Evaluate(state), right.Evaluate(state)) != negate);
}
