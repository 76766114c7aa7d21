namespace Postern.Html.Css;

/// <summary>CSS Syntax Level 3 §5: a component value — a preserved token, a simple block or a function.</summary>
internal abstract class CssComponent;

internal sealed class CssTokenComponent(CssToken token) : CssComponent
{
    public CssToken Token { get; } = token;
}

/// <summary>A <c>( )</c>, <c>[ ]</c> or <c>{ }</c> block.</summary>
internal sealed class CssBlock(CssTokenKind open, List<CssComponent> children) : CssComponent
{
    public CssTokenKind Open { get; } = open;

    public List<CssComponent> Children { get; } = children;
}

/// <summary>A function such as <c>rgb(…)</c>, with its arguments.</summary>
internal sealed class CssFunction(string name, List<CssComponent> arguments) : CssComponent
{
    public string Name { get; } = name;

    public List<CssComponent> Arguments { get; } = arguments;
}
