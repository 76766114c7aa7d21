using Postern.Templates.Expressions;
using Postern.Templates.Rendering;

namespace Postern.Templates.Tree;

/// <summary><c>IF</c> … <c>ELIF</c> … <c>ELSE</c> … <c>ENDIF</c>.</summary>
internal sealed class IfNode(int offset, IReadOnlyList<(Expression Condition, TemplateNode[] Body)> branches, TemplateNode[] otherwise)
    : TemplateNode(offset)
{
    private readonly (Expression Condition, TemplateNode[] Body)[] _branches = [.. branches];

    public override void Render(RenderState state)
    {
        foreach (var (condition, body) in _branches)
        {
            if (ValueSemantics.IsTrue(condition.Evaluate(state)))
            {
                RenderAll(body, state);
                return;
            }
        }
        RenderAll(otherwise, state);
    }
}
