namespace Postern.Html.Css;

/// <summary>An at-rule (<c>@media …{…}</c>, <c>@import …;</c>) or a qualified rule (<c>selector {…}</c>).</summary>
internal sealed record CssRule(string? AtKeyword, List<CssComponent> Prelude, CssBlock? Block);

/// <summary>One <c>name: value [!important]</c>, the value without surrounding whitespace.</summary>
internal sealed record CssDeclaration(string Name, List<CssComponent> Value, bool Important);

/// <summary>
/// CSS Syntax Level 3 §5 parsing, from tokens to component values, rules and declarations. Blocks are built
/// without recursion; input nested deeper than the limit is reported so callers can drop it before any
/// recursive walk.
/// </summary>
internal static class CssParser
{
    /// <summary>§5.4.7–5.4.9: component values; <paramref name="tooDeep"/> is set when blocks nest beyond <paramref name="maxDepth"/>.</summary>
    public static List<CssComponent> ParseComponents(List<CssToken> tokens, int maxDepth, out bool tooDeep)
    {
        tooDeep = false;
        var root = new List<CssComponent>();
        var open = new Stack<(List<CssComponent> Children, CssTokenKind Closer)>();
        var current = root;
        foreach (var token in tokens)
        {
            var closer = token.Kind switch
            {
                CssTokenKind.LeftParen or CssTokenKind.Function => CssTokenKind.RightParen,
                CssTokenKind.LeftBracket => CssTokenKind.RightBracket,
                CssTokenKind.LeftBrace => CssTokenKind.RightBrace,
                _ => (CssTokenKind?)null,
            };
            if (closer is { } kind)
            {
                var children = new List<CssComponent>();
                current.Add(token.Kind == CssTokenKind.Function ? new CssFunction(token.Value, children) : new CssBlock(token.Kind, children));
                open.Push((current, kind));
                current = children;
                if (open.Count > maxDepth)
                    tooDeep = true;
            }
            else if (open.Count > 0 && token.Kind == open.Peek().Closer)
                current = open.Pop().Children;
            else
                current.Add(new CssTokenComponent(token));
        }
        return root;
    }

    /// <summary>§5.4.1 consume a list of rules (top level: <c>&lt;!--</c> and <c>--&gt;</c> are ignored).</summary>
    public static List<CssRule> ParseRules(List<CssComponent> components, bool topLevel)
    {
        var rules = new List<CssRule>();
        var i = 0;
        while (i < components.Count)
        {
            var component = components[i];
            if (component is CssTokenComponent { Token.Kind: CssTokenKind.Whitespace or CssTokenKind.Semicolon }
                || (topLevel && component is CssTokenComponent { Token.Kind: CssTokenKind.Cdo or CssTokenKind.Cdc }))
            {
                i++;
                continue;
            }

            var atKeyword = component is CssTokenComponent { Token.Kind: CssTokenKind.AtKeyword } at ? at.Token.Value : null;
            if (atKeyword is not null)
                i++;
            var prelude = new List<CssComponent>();
            CssBlock? block = null;
            while (i < components.Count)
            {
                var next = components[i++];
                if (next is CssBlock { Open: CssTokenKind.LeftBrace } braces)
                {
                    block = braces;
                    break;
                }
                if (atKeyword is not null && next is CssTokenComponent { Token.Kind: CssTokenKind.Semicolon })
                    break;
                prelude.Add(next);
            }
            // §5.4.3: a qualified rule that reaches the end without a block is dropped.
            if (atKeyword is not null || block is not null)
                rules.Add(new CssRule(atKeyword, prelude, block));
        }
        return rules;
    }

    /// <summary>
    /// §5.4.5 consume a list of declarations. Items that are not declarations (nested rules, stray tokens) are
    /// returned as null so the caller can report them.
    /// </summary>
    public static List<CssDeclaration?> ParseDeclarations(List<CssComponent> components)
    {
        var declarations = new List<CssDeclaration?>();
        var start = 0;
        for (var i = 0; i <= components.Count; i++)
        {
            if (i < components.Count && components[i] is not CssTokenComponent { Token.Kind: CssTokenKind.Semicolon })
                continue;
            var item = Trim(components.GetRange(start, i - start));
            start = i + 1;
            if (item.Count > 0)
                declarations.Add(ParseDeclaration(item));
        }
        return declarations;
    }

    private static CssDeclaration? ParseDeclaration(List<CssComponent> item)
    {
        if (item[0] is not CssTokenComponent { Token.Kind: CssTokenKind.Ident } name)
            return null;
        var colon = 1;
        while (colon < item.Count && item[colon] is CssTokenComponent { Token.Kind: CssTokenKind.Whitespace })
            colon++;
        if (colon >= item.Count || item[colon] is not CssTokenComponent { Token.Kind: CssTokenKind.Colon })
            return null;

        var value = Trim(item.GetRange(colon + 1, item.Count - colon - 1));
        var important = false;
        // §5.4.6: a value ending in "!" followed by "important" (whitespace allowed) is important.
        if (value.Count >= 2 && value[^1] is CssTokenComponent last && last.Token.IsIdent("important"))
        {
            var bang = value.Count - 2;
            while (bang > 0 && value[bang] is CssTokenComponent { Token.Kind: CssTokenKind.Whitespace })
                bang--;
            if (value[bang] is CssTokenComponent mark && mark.Token.IsDelim('!'))
            {
                important = true;
                value = Trim(value.GetRange(0, bang));
            }
        }
        return new CssDeclaration(name.Token.Value.ToLowerInvariant(), value, important);
    }

    public static List<CssComponent> Trim(List<CssComponent> components)
    {
        var start = 0;
        var end = components.Count;
        while (start < end && components[start] is CssTokenComponent { Token.Kind: CssTokenKind.Whitespace })
            start++;
        while (end > start && components[end - 1] is CssTokenComponent { Token.Kind: CssTokenKind.Whitespace })
            end--;
        return start == 0 && end == components.Count ? components : components.GetRange(start, end - start);
    }
}
