using Postern.Templates.Rendering;

namespace Postern.Templates.Tree;

/// <summary>One element of a compiled WSSP file. Nodes are immutable and shared between renders.</summary>
internal abstract class TemplateNode(int offset)
{
    /// <summary>Where the element starts in its file, for render errors.</summary>
    public int Offset { get; } = offset;

    public abstract void Render(RenderState state);

    public static void RenderAll(TemplateNode[] nodes, RenderState state)
    {
        foreach (var node in nodes)
        {
            state.Step(node);
            node.Render(state);
        }
    }
}

/// <summary>Markup copied to the output as it is.</summary>
internal sealed class TextNode(int offset, string text) : TemplateNode(offset)
{
    public string Text { get; } = text;

    public override void Render(RenderState state) => state.Output.Write(Text);
}
