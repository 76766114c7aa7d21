using System.Text;
using Postern.Html.Sanitizing;
using Postern.Html.Urls;

namespace Postern.Html.Css;

/// <summary>
/// Sanitises the message's <c>&lt;style&gt;</c> sheets into one sheet whose rules apply only inside the message's
/// container. Qualified rules keep their allowed declarations under scoped selectors; <c>@media</c> and
/// <c>@supports</c> keep their scoped inner rules; <c>@font-face</c> survives only with allowed URLs and under a
/// prefixed family name; every other at-rule (<c>@import</c> above all, also <c>@keyframes</c>, <c>@property</c>,
/// <c>@layer</c>, <c>@namespace</c>, which define page-wide names) is dropped.
/// </summary>
internal sealed class CssStyleSheetSanitizer(
    string containerSelector,
    CssDeclarationSanitizer declarations,
    CssSelectorScoper scoper,
    IdentifierPrefixer prefixer,
    SanitizeReport report,
    HtmlLimits limits)
{
    /// <summary>Descriptors an @font-face may keep.</summary>
    private static readonly HashSet<string> s_fontDescriptors = new(StringComparer.Ordinal)
    {
        "font-family", "src", "font-weight", "font-style", "font-display", "font-stretch", "unicode-range",
    };

    /// <summary>The rules inside each @media and @supports, parsed once for both passes.</summary>
    private readonly Dictionary<CssRule, List<CssRule>> _nested = new(ReferenceEqualityComparer.Instance);

    /// <summary>Each @font-face rule, written out, or null when it was dropped.</summary>
    private readonly Dictionary<CssRule, string?> _fontFaces = new(ReferenceEqualityComparer.Instance);

    /// <summary>Parses a style sheet; null (reported) when it nests deeper than the CSS nesting limit.</summary>
    public List<CssRule>? Parse(string css)
    {
        var components = CssParser.ParseComponents(CssTokenizer.Tokenize(css), limits.MaxCssNestingDepth, out var tooDeep);
        if (tooDeep)
        {
            report.Remove("css nested too deep");
            return null;
        }
        var rules = CssParser.ParseRules(components, topLevel: true);
        ParseNested(rules);
        return rules;
    }

    private void ParseNested(List<CssRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.Block is not null && IsConditional(rule))
            {
                var inner = CssParser.ParseRules(rule.Block.Children, topLevel: false);
                _nested[rule] = inner;
                ParseNested(inner);
            }
        }
    }

    /// <summary>
    /// First pass over every sheet: the @font-face rules are checked, and the families of those that survive get
    /// their prefixed names, before any declaration (in a sheet or a style attribute) is written.
    /// </summary>
    public void PrepareFontFaces(List<CssRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.Block is not null && IsAt(rule, "font-face"))
                _fontFaces[rule] = SanitizeFontFace(rule.Block);
            else if (_nested.TryGetValue(rule, out var inner))
                PrepareFontFaces(inner);
        }
    }

    public void Write(StringBuilder output, List<CssRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.AtKeyword is null)
                WriteStyleRule(output, rule);
            else if (_nested.TryGetValue(rule, out var inner))
                WriteConditionalRule(output, rule, inner);
            else if (_fontFaces.TryGetValue(rule, out var fontFace))
                output.Append(fontFace);
            else
                report.Remove("css at-rule @" + SanitizeReport.Shorten(rule.AtKeyword.ToLowerInvariant()));
        }
    }

    private static bool IsConditional(CssRule rule) => IsAt(rule, "media") || IsAt(rule, "supports");

    private static bool IsAt(CssRule rule, string name) => string.Equals(rule.AtKeyword, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A qualified rule under its scoped selectors. Selectors that stand for the container itself (from
    /// <c>html</c>, <c>body</c>, <c>:root</c>) get a rule of their own with only the colour, background and text
    /// declarations (<see cref="CssProperties.MayStyleContainer"/>).
    /// </summary>
    private void WriteStyleRule(StringBuilder output, CssRule rule)
    {
        var selectors = scoper.Scope(rule.Prelude);
        var kept = declarations.SanitizeDeclarations(rule.Block!.Children);
        if (selectors.Count == 0 || kept.Count == 0)
            return;
        var inside = selectors.Where(selector => selector != containerSelector).ToList();
        if (inside.Count > 0)
            WriteRule(output, inside, kept);
        if (inside.Count == selectors.Count)
            return;
        var forContainer = kept.Where(declaration => CssProperties.MayStyleContainer(declaration.Name)).ToList();
        foreach (var declaration in kept.Except(forContainer))
            report.Remove("css container " + declaration.Name);
        if (forContainer.Count > 0)
            WriteRule(output, [containerSelector], forContainer);
    }

    private static void WriteRule(StringBuilder output, List<string> selectors, List<CssDeclaration> kept)
    {
        output.AppendJoin(',', selectors).Append('{');
        CssDeclarationSanitizer.Write(new CssWriter(output), kept);
        output.Append("}\n");
    }

    /// <summary>@media and @supports: a condition of plain tokens, then the scoped rules inside.</summary>
    private void WriteConditionalRule(StringBuilder output, CssRule rule, List<CssRule> rules)
    {
        if (!IsPlainCondition(rule.Prelude))
        {
            report.Remove("css condition of @" + rule.AtKeyword!.ToLowerInvariant());
            return;
        }
        var inner = new StringBuilder();
        Write(inner, rules);
        if (inner.Length == 0)
            return;
        var writer = new CssWriter(output);
        writer.WriteRaw("@" + rule.AtKeyword!.ToLowerInvariant() + " ");
        writer.Write(CssParser.Trim(rule.Prelude));
        output.Append("{\n").Append(inner).Append("}\n");
    }

    /// <summary>Media queries and support conditions: names, numbers, comparisons and parentheses, no functions or URLs.</summary>
    private static bool IsPlainCondition(List<CssComponent> prelude) => prelude.All(component => component switch
    {
        CssTokenComponent { Token: var token } => token.Kind is CssTokenKind.Ident or CssTokenKind.Number or CssTokenKind.Dimension
            or CssTokenKind.Percentage or CssTokenKind.Whitespace or CssTokenKind.Comma or CssTokenKind.Colon
            || (token.Kind == CssTokenKind.Delim && token.Value is "/" or ">" or "="),
        CssBlock { Open: CssTokenKind.LeftParen } block => IsPlainCondition(block.Children),
        _ => false,
    });

    /// <summary>
    /// @font-face with a family and sources that all pass the URL policy for fonts; a remote source without
    /// consent drops the whole rule (and says remote content was blocked). A kept family gets its prefixed name.
    /// </summary>
    private string? SanitizeFontFace(CssBlock block)
    {
        var kept = new List<CssDeclaration>();
        string? family = null;
        foreach (var descriptor in CssParser.ParseDeclarations(block.Children))
        {
            if (descriptor is null || !s_fontDescriptors.Contains(descriptor.Name))
            {
                report.Remove("css font descriptor " + SanitizeReport.Shorten(descriptor?.Name ?? "?"));
                continue;
            }
            if (descriptor.Name == "font-family")
            {
                family = FamilyName(descriptor.Value);
                if (family is not null)
                    kept.Add(descriptor with { Value = [new CssTokenComponent(new CssToken(CssTokenKind.String, prefixer.Prefix(family)))] });
                continue;
            }
            var value = declarations.SanitizeValue(descriptor.Name, descriptor.Value, CssValueRule.None, UrlUse.Font);
            if (value is null || (descriptor.Name == "src" && value.Any(c => c is CssTokenComponent { Token.Kind: CssTokenKind.Ident } none && none.Token.IsIdent("none"))))
                return null;
            kept.Add(descriptor with { Value = value });
        }
        if (family is null || !kept.Any(d => d.Name == "src"))
            return null;
        declarations.RenameFontFamily(family, prefixer.Prefix(family));
        var output = new StringBuilder("@font-face{");
        CssDeclarationSanitizer.Write(new CssWriter(output), kept);
        return output.Append("}\n").ToString();
    }

    /// <summary>A font-family descriptor: one string, or identifiers joined by single spaces.</summary>
    private static string? FamilyName(List<CssComponent> value)
    {
        if (value is [CssTokenComponent { Token.Kind: CssTokenKind.String } quoted])
            return quoted.Token.Value.Length > 0 ? quoted.Token.Value : null;
        if (!value.All(c => c is CssTokenComponent { Token.Kind: CssTokenKind.Ident or CssTokenKind.Whitespace }))
            return null;
        var name = string.Join(' ', value.OfType<CssTokenComponent>().Where(c => c.Token.Kind == CssTokenKind.Ident).Select(c => c.Token.Value));
        return name.Length > 0 ? name : null;
    }
}
