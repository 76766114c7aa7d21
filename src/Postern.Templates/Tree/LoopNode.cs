using Postern.Data;
using Postern.Templates.Expressions;
using Postern.Templates.Rendering;

namespace Postern.Templates.Tree;

/// <summary>The FOREACH family.</summary>
internal enum LoopKind
{
    /// <summary><c>FOREACH s IN x</c>: the elements of an array (the keys of a dictionary), first to last.</summary>
    ForEach,

    /// <summary><c>FOREACHREV s IN x</c>: as FOREACH, last to first.</summary>
    ForEachReverse,

    /// <summary><c>FOREACHINC s IN x</c>: as FOREACH, but <c>s[]</c> is the index 0, 1, 2…; a number n
    /// counts 0 to n−1.</summary>
    ForEachIndex,

    /// <summary><c>FORALL s IN x</c>: as FOREACH, but a single value that is not a collection is
    /// iterated once (settings that hold one string or an array of strings).</summary>
    ForAll,
}

/// <summary>A loop with its scanner, body and optional <c>EMPTYFOR</c> part.</summary>
internal sealed class LoopNode(int offset, LoopKind kind, string scanner, Expression collection, TemplateNode[] body, TemplateNode[] empty)
    : TemplateNode(offset)
{
    public override void Render(RenderState state)
    {
        var value = collection.Evaluate(state);
        var count = CountOf(value);
        if (count == 0)
        {
            RenderAll(empty, state);
            return;
        }
        var slot = state.PushScanner(scanner, count);
        try
        {
            for (var step = 0; step < count; step++)
            {
                var index = kind == LoopKind.ForEachReverse ? count - 1 - step : step;
                state.SetScanner(slot, index, ElementAt(value, index));
                state.Step(this);
                RenderAll(body, state);
            }
        }
        finally
        {
            state.PopScanner();
        }
    }

    private int CountOf(DataValue? value) => value switch
    {
        DataArray array => array.Count,
        DataDictionary dictionary => dictionary.Count,
        DataNumber number when kind == LoopKind.ForEachIndex => (int)Math.Clamp(number.Value, 0, int.MaxValue),
        null => 0,
        _ => kind == LoopKind.ForAll ? 1 : 0,
    };

    private DataValue? ElementAt(DataValue? value, int index)
    {
        if (kind == LoopKind.ForEachIndex)
            return ValueSemantics.Number(index);
        return value switch
        {
            DataArray array => ValueSemantics.Normalize(array[index]),
            DataDictionary dictionary => DataString.From(dictionary.GetAt(index).Key),
            _ => value,
        };
    }
}
