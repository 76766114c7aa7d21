using Postern.Data;
using Postern.Templates.Expressions;
using Postern.Templates.Rendering;

namespace Postern.Templates.Tree;

/// <summary>
/// <c>INCLUDE "file.wssi"</c> or <c>INCLUDE "file.wssi"(arg0, arg1)</c>: renders another skin file against
/// the same dataset, with the active scanners visible and INCLUDEARG(n) giving the arguments.
/// </summary>
internal sealed class IncludeNode(int offset, Expression fileName, Expression[] arguments) : TemplateNode(offset)
{
    public override void Render(RenderState state)
    {
        var name = ValueSemantics.TextOf(fileName.Evaluate(state));
        if (name.Length == 0)
            throw state.Error(Offset, "INCLUDE names no file.");
        if (state.IncludeDepth >= state.Context.Limits.MaxIncludeDepth)
            throw state.Limit(Offset, $"INCLUDE \"{name}\" nests deeper than the limit of {state.Context.Limits.MaxIncludeDepth}.");

        var resolver = state.Context.Includes ?? throw state.Error(Offset, $"INCLUDE \"{name}\": this page has no skin to include files from.");
        CompiledTemplate? included;
        try
        {
            included = resolver.Resolve(name);
        }
        catch (TemplateCompileException e)
        {
            // The included file's own error is the useful one; it already has its file:line:column.
            throw new TemplateRenderException(e.Error);
        }
        if (included is null)
            throw state.Error(Offset, $"INCLUDE \"{name}\": the file is not in the skin.");

        DataValue?[] values = arguments.Length == 0 ? [] : new DataValue?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
            values[i] = arguments[i].Evaluate(state);

        var (outerTemplate, outerArguments) = (state.Template, state.IncludeArguments);
        state.Template = included;
        state.IncludeArguments = values;
        state.IncludeDepth++;
        try
        {
            RenderAll(included.Nodes, state);
        }
        finally
        {
            state.IncludeDepth--;
            state.Template = outerTemplate;
            state.IncludeArguments = outerArguments;
        }
    }
}
