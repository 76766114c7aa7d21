using Postern.Html.Sanitizing;

namespace Postern.Html.Css;

/// <summary>
/// Rewrites the selectors of a message's style sheet so they match only inside the message's container:
/// each selector is put under the container selector, <c>html</c>, <c>body</c> and <c>:root</c> at its start
/// stand for the container itself, class and id names get the message's prefix, and selectors that could
/// reach outside (<c>body ~ div</c>, <c>+ p</c>, <c>:host</c>, <c>&amp;</c>) are dropped.
/// </summary>
internal sealed class CssSelectorScoper(string containerSelector, IdentifierPrefixer prefixer, SanitizeReport report)
{
    /// <summary>Pseudo-classes that name something other than an element inside the message.</summary>
    private static readonly HashSet<string> s_outsidePseudoClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "root", "scope", "host", "host-context", "slotted", "part",
    };

    /// <summary>Pseudo-class functions whose arguments are selectors or An+B expressions.</summary>
    private static readonly HashSet<string> s_pseudoFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "lang", "dir",
    };

    /// <summary>The scoped selectors of a rule's prelude, written out; empty when none is acceptable.</summary>
    public List<string> Scope(List<CssComponent> prelude)
    {
        var scoped = new List<string>();
        var start = 0;
        for (var i = 0; i <= prelude.Count; i++)
        {
            if (i < prelude.Count && prelude[i] is not CssTokenComponent { Token.Kind: CssTokenKind.Comma })
                continue;
            if (ScopeOne(CssParser.Trim(prelude.GetRange(start, i - start))) is { } selector && !scoped.Contains(selector))
                scoped.Add(selector);
            start = i + 1;
        }
        return scoped;
    }

    private string? ScopeOne(List<CssComponent> selector)
    {
        if (selector.Count == 0)
            return null;
        if (!IsPlainSelector(selector))
        {
            report.Remove("css selector " + SanitizeReport.Shorten(Text(selector)));
            return null;
        }

        var rest = StripRoot(selector, out var rootHadExtras);
        if (rootHadExtras || (rest.Count > 0 && rest[0] is CssTokenComponent first && (first.Token.IsDelim('+') || first.Token.IsDelim('~'))))
        {
            // "body.dark p" cannot be honoured (the container is not the body) and "body ~ div" would reach the page.
            report.Remove("css selector " + SanitizeReport.Shorten(Text(selector)));
            return null;
        }

        var output = new System.Text.StringBuilder(containerSelector);
        if (rest.Count > 0)
        {
            var writer = new CssWriter(output);
            writer.WriteRaw(" ");
            writer.Write(PrefixNames(rest));
        }
        return output.ToString();
    }

    /// <summary>
    /// Removes leading compounds that stand for the document (<c>html</c>, <c>body</c>, <c>:root</c>, the container
    /// selector itself) and the descendant or child combinator after each.
    /// </summary>
    private List<CssComponent> StripRoot(List<CssComponent> selector, out bool rootHadExtras)
    {
        rootHadExtras = false;
        var position = 0;
        while (true)
        {
            var end = position;
            while (end < selector.Count && !IsCombinator(selector[end]))
                end++;
            var compound = selector.GetRange(position, end - position);
            var rootLength = RootLength(compound);
            if (rootLength == 0)
                break;
            if (rootLength < compound.Count)
            {
                rootHadExtras = true;
                break;
            }
            position = end;
            while (position < selector.Count && selector[position] is CssTokenComponent ws
                   && (ws.Token.Kind == CssTokenKind.Whitespace || ws.Token.IsDelim('>')))
                position++;
            if (position >= selector.Count)
                break;
        }
        return selector.GetRange(position, selector.Count - position);
    }

    /// <summary>How many components at the start of a compound name the document root: html, body, :root or the container.</summary>
    private int RootLength(List<CssComponent> compound)
    {
        if (compound is [CssTokenComponent { Token.Kind: CssTokenKind.Ident } type, ..] && (type.Token.IsIdent("html") || type.Token.IsIdent("body")))
            return 1;
        if (compound is [CssTokenComponent { Token.Kind: CssTokenKind.Colon }, CssTokenComponent root, ..] && root.Token.IsIdent("root"))
            return 2;
        var container = containerSelector[1..];
        if (containerSelector[0] == '.' && compound is [CssTokenComponent dot, CssTokenComponent name, ..] && dot.Token.IsDelim('.')
            && name.Token.Kind == CssTokenKind.Ident && name.Token.Value == container)
            return 2;
        if (containerSelector[0] == '#' && compound is [CssTokenComponent { Token.Kind: CssTokenKind.Hash } hash, ..] && hash.Token.Value == container)
            return 1;
        return 0;
    }

    private static bool IsCombinator(CssComponent component) =>
        component is CssTokenComponent { Token: var token }
        && (token.Kind == CssTokenKind.Whitespace || token.IsDelim('>') || token.IsDelim('+') || token.IsDelim('~'));

    /// <summary>
    /// Only the tokens of ordinary selectors: names, classes, ids, attribute tests, pseudo-classes and elements
    /// (not those in <see cref="s_outsidePseudoClasses"/>), combinators. No nesting selector, no namespaces.
    /// A leading <c>:root</c> passes here and is removed by <see cref="StripRoot"/>.
    /// </summary>
    private static bool IsPlainSelector(List<CssComponent> selector)
    {
        for (var i = 0; i < selector.Count; i++)
        {
            switch (selector[i])
            {
                case CssTokenComponent { Token: var token }:
                    if (token.Kind == CssTokenKind.Colon && i + 1 < selector.Count && selector[i + 1] is CssTokenComponent next
                        && next.Token.Kind == CssTokenKind.Ident && s_outsidePseudoClasses.Contains(next.Token.Value) && !(i == 0 && next.Token.IsIdent("root")))
                        return false;
                    if (!IsSelectorToken(token))
                        return false;
                    break;
                case CssFunction function:
                    if (!s_pseudoFunctions.Contains(function.Name) || !IsPlainSelector(function.Arguments))
                        return false;
                    break;
                case CssBlock { Open: CssTokenKind.LeftBracket } attribute:
                    if (!attribute.Children.All(c => c is CssTokenComponent { Token: var t } && IsAttributeToken(t)))
                        return false;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private static bool IsSelectorToken(CssToken token) => token.Kind switch
    {
        CssTokenKind.Ident or CssTokenKind.Hash or CssTokenKind.Colon or CssTokenKind.Whitespace or CssTokenKind.Comma
            or CssTokenKind.Number or CssTokenKind.Dimension => true,
        CssTokenKind.Delim => token.Value is "." or "*" or ">" or "+" or "~" or "-",
        _ => false,
    };

    private static bool IsAttributeToken(CssToken token) => token.Kind switch
    {
        CssTokenKind.Ident or CssTokenKind.String or CssTokenKind.Whitespace => true,
        CssTokenKind.Delim => token.Value is "=" or "~" or "^" or "$" or "*",
        _ => false,
    };

    /// <summary>Class names (<c>.x</c>) and ids (<c>#x</c>) get the message's prefix, inside pseudo-class functions too.</summary>
    private List<CssComponent> PrefixNames(List<CssComponent> selector)
    {
        var prefixed = new List<CssComponent>(selector.Count);
        for (var i = 0; i < selector.Count; i++)
        {
            var component = selector[i];
            switch (component)
            {
                case CssTokenComponent { Token.Kind: CssTokenKind.Hash } hash:
                    prefixed.Add(new CssTokenComponent(hash.Token with { Value = prefixer.Prefix(hash.Token.Value), IsIdHash = true }));
                    break;
                case CssTokenComponent dot when dot.Token.IsDelim('.') && i + 1 < selector.Count
                                                && selector[i + 1] is CssTokenComponent { Token.Kind: CssTokenKind.Ident } name:
                    prefixed.Add(dot);
                    prefixed.Add(new CssTokenComponent(name.Token with { Value = prefixer.Prefix(name.Token.Value) }));
                    i++;
                    break;
                case CssFunction function:
                    prefixed.Add(new CssFunction(function.Name, PrefixNames(function.Arguments)));
                    break;
                default:
                    prefixed.Add(component);
                    break;
            }
        }
        return prefixed;
    }

    private static string Text(List<CssComponent> selector)
    {
        var text = new System.Text.StringBuilder();
        new CssWriter(text).Write(selector);
        return text.ToString();
    }
}
