using Postern.Data;
using Postern.Templates.Expressions;
using Postern.Templates.Rendering;

namespace Postern.Templates.Tree;

/// <summary>A text element <c>%%[PREFIX:]expression%%</c>.</summary>
internal sealed class OutputNode(int offset, TextPrefix prefix, Expression? prefixArgument, Expression value) : TemplateNode(offset)
{
    public override void Render(RenderState state)
    {
        using var values = state.BeginValues();
        RenderValues(state);
    }

    private void RenderValues(RenderState state)
    {
        var result = value.Evaluate(state);
        var output = state.Output;
        switch (prefix)
        {
            case TextPrefix.None:
                ValueSemantics.Write(result, output);
                break;
            case TextPrefix.Html:
                TextEncoders.WriteHtml(result, output);
                break;
            case TextPrefix.Url:
                if (result is not null)
                    TextEncoders.WriteUrl(ValueSemantics.TextOf(result), output);
                break;
            case TextPrefix.HtmlSubst or TextPrefix.Subst:
                WriteSubstituted(result, prefixArgument!.Evaluate(state), prefix == TextPrefix.HtmlSubst, output);
                break;
            case TextPrefix.Size:
                ValueFormats.WriteSize(result, state);
                break;
            case TextPrefix.Number:
                ValueFormats.WriteNumber(result, state);
                break;
            default:
                ValueFormats.WriteDate(prefix, result, state);
                break;
        }
    }

    private static void WriteSubstituted(DataValue? format, DataValue? arguments, bool escape, TemplateOutput output)
    {
        if (format is not null)
            TextEncoders.WriteSubstituted(ValueSemantics.TextOf(format), arguments, escape, output);
    }
}
