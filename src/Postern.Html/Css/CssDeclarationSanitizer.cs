using System.Globalization;
using System.Text;
using Postern.Html.Sanitizing;
using Postern.Html.Urls;

namespace Postern.Html.Css;

/// <summary>
/// Keeps the declarations a message may use (see <see cref="CssProperties"/>) with values that pass every check:
/// known token kinds only, a short list of functions (colours, math, gradients, <c>url()</c>), URLs through the
/// <see cref="UrlPolicy"/>, and no <c>javascript:</c>, <c>vbscript:</c> or <c>expression(</c> hidden anywhere.
/// </summary>
internal sealed class CssDeclarationSanitizer(UrlPolicy urls, SanitizeReport report, HtmlLimits limits)
{
    /// <summary>Functions a value may call. <c>var()</c> and <c>attr()</c> are absent: they pull in values no check has seen.</summary>
    private static readonly HashSet<string> s_functions = new(StringComparer.OrdinalIgnoreCase)
    {
        "rgb", "rgba", "hsl", "hsla", "calc", "min", "max", "clamp",
        "linear-gradient", "radial-gradient", "repeating-linear-gradient", "repeating-radial-gradient",
    };

    private static readonly HashSet<string> s_math = new(StringComparer.OrdinalIgnoreCase) { "calc", "min", "max", "clamp" };

    /// <summary>Colour functions take channel numbers, which the length rules of the property do not apply to.</summary>
    private static readonly HashSet<string> s_colors = new(StringComparer.OrdinalIgnoreCase) { "rgb", "rgba", "hsl", "hsla" };

    /// <summary>Families the message declares with <c>@font-face</c>, and the prefixed names they get.</summary>
    private readonly Dictionary<string, string> _fontRenames = new(StringComparer.OrdinalIgnoreCase);

    public void RenameFontFamily(string family, string renamed) => _fontRenames[family] = renamed;

    /// <summary>
    /// The most distinct style attributes remembered per message. 10,000: mail generators inline the same few
    /// dozen styles on every element, so a small table saves most of the CSS work, and the cap bounds it.
    /// </summary>
    private const int MaxRememberedStyles = 10_000;

    /// <summary>
    /// Results for style attribute values already seen in this message. Sanitising is deterministic for one
    /// message (the font renames are fixed before the first attribute), and what it reports is reported once anyway.
    /// </summary>
    private readonly Dictionary<string, string?> _styles = new(StringComparer.Ordinal);

    /// <summary>A <c>style</c> attribute's declarations, checked and written out; null when none survive.</summary>
    public string? SanitizeStyleAttribute(string css)
    {
        if (_styles.TryGetValue(css, out var known))
            return known;
        var sanitized = SanitizeStyle(css);
        if (_styles.Count < MaxRememberedStyles)
            _styles[css] = sanitized;
        return sanitized;
    }

    private string? SanitizeStyle(string css)
    {
        var components = CssParser.ParseComponents(CssTokenizer.Tokenize(css), limits.MaxCssNestingDepth, out var tooDeep);
        if (tooDeep)
        {
            report.Remove("css nested too deep");
            return null;
        }
        var output = new StringBuilder(css.Length);
        Write(new CssWriter(output), SanitizeDeclarations(components));
        return output.Length == 0 ? null : output.ToString();
    }

    public List<CssDeclaration> SanitizeDeclarations(List<CssComponent> components)
    {
        var kept = new List<CssDeclaration>();
        foreach (var declaration in CssParser.ParseDeclarations(components))
        {
            if (declaration is null)
                report.Remove("css rule nested in declarations");
            else if (!CssProperties.TryGetRule(declaration.Name, out var rule))
                report.Remove("css property", declaration.Name);
            else if (SanitizeValue(declaration.Name, declaration.Value, rule, UrlUse.Image) is { } value)
                kept.Add(declaration with { Value = (rule & CssValueRule.FontFamilies) != 0 ? RenameFamilies(value) : value });
        }
        return kept;
    }

    public static void Write(CssWriter writer, List<CssDeclaration> declarations)
    {
        for (var i = 0; i < declarations.Count; i++)
        {
            if (i > 0)
                writer.WriteRaw(";");
            writer.WriteRaw(declarations[i].Name + ":");
            writer.Write(declarations[i].Value);
            if (declarations[i].Important)
                writer.WriteRaw("!important");
        }
    }

    /// <summary>A checked copy of a value, or null (reported) when any part of it fails.</summary>
    public List<CssComponent>? SanitizeValue(string property, List<CssComponent> value, CssValueRule rule, UrlUse urlUse)
    {
        if (value.Count == 0)
            return null;
        if ((rule & CssValueRule.Position) != 0)
        {
            if (value is [CssTokenComponent { Token.Kind: CssTokenKind.Ident } keyword]
                && (keyword.Token.IsIdent("static") || keyword.Token.IsIdent("relative")))
                return value;
            report.Remove("css position " + SanitizeReport.Shorten(CssText(value)));
            return null;
        }
        var sanitized = new List<CssComponent>(value.Count);
        foreach (var component in value)
        {
            if (SanitizeComponent(property, component, rule, urlUse) is not { } kept)
                return null;
            sanitized.Add(kept);
        }
        return sanitized;
    }

    private CssComponent? SanitizeComponent(string property, CssComponent component, CssValueRule rule, UrlUse urlUse)
    {
        switch (component)
        {
            case CssTokenComponent { Token: var token }:
                return SanitizeToken(property, token, rule, urlUse) is { } kept ? (kept.Equals(token) ? component : new CssTokenComponent(kept)) : null;
            case CssFunction function when function.Name.Equals("url", StringComparison.OrdinalIgnoreCase):
                if (CssParser.Trim(function.Arguments) is not [CssTokenComponent { Token.Kind: CssTokenKind.String } argument])
                    return RejectComponent("css url() in " + property);
                return SanitizeToken(property, new CssToken(CssTokenKind.Url, argument.Token.Value), rule, urlUse) is { } url
                    ? new CssTokenComponent(url)
                    : null;
            case CssFunction function when s_functions.Contains(function.Name) || (urlUse == UrlUse.Font && IsFontSourceFunction(function.Name)):
                if ((rule & (CssValueRule.NotNegative | CssValueRule.NearTheBox)) != 0 && s_math.Contains(function.Name))
                    return RejectComponent("css " + function.Name.ToLowerInvariant() + "() in " + property);
                if (function.Arguments.Count == 0)
                    return function;
                var argumentRule = s_colors.Contains(function.Name) ? CssValueRule.None : rule;
                return SanitizeValue(property, function.Arguments, argumentRule, urlUse) is { } arguments
                    ? new CssFunction(function.Name, arguments)
                    : null;
            case CssFunction function:
                return RejectComponent("css function " + SanitizeReport.Shorten(function.Name.ToLowerInvariant()) + "()");
            case CssBlock { Open: CssTokenKind.LeftParen } block:
                return SanitizeValue(property, block.Children, rule, urlUse) is { } children ? new CssBlock(block.Open, children) : null;
            default:
                return RejectComponent("css block in " + property);
        }
    }

    private static bool IsFontSourceFunction(string name) =>
        name.Equals("local", StringComparison.OrdinalIgnoreCase) || name.Equals("format", StringComparison.OrdinalIgnoreCase);

    private CssToken? SanitizeToken(string property, CssToken token, CssValueRule rule, UrlUse urlUse)
    {
        switch (token.Kind)
        {
            case CssTokenKind.Ident or CssTokenKind.String:
                return HidesScript(token.Value) ? Reject("css script in " + property) : token;
            case CssTokenKind.Number or CssTokenKind.Percentage or CssTokenKind.Dimension:
                if ((rule & CssValueRule.NotNegative) != 0 && token.IsNegative)
                    return Reject("css negative " + property);
                if ((rule & CssValueRule.NearTheBox) != 0 && !IsNearTheBox(token))
                    return Reject("css large " + property);
                return token;
            case CssTokenKind.Hash or CssTokenKind.Whitespace or CssTokenKind.Comma:
                return token;
            case CssTokenKind.Delim when token.Value is "/" or "+" or "-" or "*":
                return token;
            case CssTokenKind.Url when (rule & CssValueRule.Images) != 0 || urlUse == UrlUse.Font:
                var verdict = urls.Evaluate(token.Value, urlUse);
                switch (verdict.Outcome)
                {
                    case UrlOutcome.Allowed:
                        return token with { Value = verdict.Url };
                    case UrlOutcome.RemoteBlocked:
                        report.BlockRemoteContent();
                        // A blocked image becomes "none", which keeps the rest of a background shorthand valid.
                        return new CssToken(CssTokenKind.Ident, "none");
                    default:
                        return Reject(verdict.Reason);
                }
            case CssTokenKind.Url:
                return Reject("css url in " + property);
            default:
                return Reject("css " + token.Kind switch
                {
                    CssTokenKind.BadUrl => "bad url",
                    CssTokenKind.BadString => "bad string",
                    CssTokenKind.Delim => "'" + token.Value + "'",
                    _ => token.Kind.ToString().ToLowerInvariant(),
                } + " in " + property);
        }
    }

    /// <summary>
    /// Lengths an effect outside the box may use: up to 64 px or pt, or 4 em-like units. A shadow of
    /// 10000px would paint over the whole page.
    /// </summary>
    private static bool IsNearTheBox(CssToken token)
    {
        if (token.Kind == CssTokenKind.Percentage
            || !double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return false;
        var size = Math.Abs(number);
        if (token.Kind == CssTokenKind.Number)
            return size <= 64;
        return token.Unit.ToLowerInvariant() switch
        {
            "px" or "pt" => size <= 64,
            "em" or "rem" or "ex" or "ch" => size <= 4,
            _ => false,
        };
    }

    /// <summary>Script URLs and IE's expression() must not appear even in names and strings, however spaced or cased.</summary>
    private static bool HidesScript(string text)
    {
        if (text.AsSpan().IndexOfAny(':', '(') < 0)
            return false;
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c > ' ')
                compact.Append(char.ToLowerInvariant(c));
        }
        var folded = compact.ToString();
        return folded.Contains("javascript:", StringComparison.Ordinal) || folded.Contains("vbscript:", StringComparison.Ordinal)
            || folded.Contains("expression(", StringComparison.Ordinal);
    }

    /// <summary>
    /// font-family lists (and the end of the font shorthand): a family the message declared with @font-face is
    /// replaced by its prefixed name, so it cannot stand in for a font the page uses.
    /// </summary>
    private List<CssComponent> RenameFamilies(List<CssComponent> value)
    {
        if (_fontRenames.Count == 0)
            return value;
        var renamed = new List<CssComponent>(value.Count);
        var segmentStart = 0;
        for (var i = 0; i <= value.Count; i++)
        {
            if (i < value.Count && value[i] is not CssTokenComponent { Token.Kind: CssTokenKind.Comma })
                continue;
            var segment = value.GetRange(segmentStart, i - segmentStart);
            renamed.AddRange(RenameFamily(segment));
            if (i < value.Count)
                renamed.Add(value[i]);
            segmentStart = i + 1;
        }
        return renamed;
    }

    private IEnumerable<CssComponent> RenameFamily(List<CssComponent> segment)
    {
        var end = segment.Count;
        while (end > 0 && segment[end - 1] is CssTokenComponent { Token.Kind: CssTokenKind.Whitespace })
            end--;
        if (end > 0 && segment[end - 1] is CssTokenComponent { Token.Kind: CssTokenKind.String } quoted)
        {
            return _fontRenames.TryGetValue(quoted.Token.Value, out var family)
                ? [.. segment.GetRange(0, end - 1), new CssTokenComponent(quoted.Token with { Value = family }), .. segment.GetRange(end, segment.Count - end)]
                : segment;
        }

        var start = end;
        while (start > 0 && segment[start - 1] is CssTokenComponent { Token.Kind: CssTokenKind.Ident or CssTokenKind.Whitespace })
            start--;
        while (start < end && segment[start] is CssTokenComponent { Token.Kind: CssTokenKind.Whitespace })
            start++;
        var name = string.Join(' ', segment.GetRange(start, end - start).OfType<CssTokenComponent>()
            .Where(c => c.Token.Kind == CssTokenKind.Ident).Select(c => c.Token.Value));
        if (name.Length == 0 || !_fontRenames.TryGetValue(name, out var renamedFamily))
            return segment;
        return [.. segment.GetRange(0, start), new CssTokenComponent(new CssToken(CssTokenKind.String, renamedFamily)), .. segment.GetRange(end, segment.Count - end)];
    }

    private CssComponent? RejectComponent(string reason)
    {
        report.Remove(reason);
        return null;
    }

    private CssToken? Reject(string reason)
    {
        report.Remove(reason);
        return null;
    }

    private static string CssText(List<CssComponent> value)
    {
        var text = new StringBuilder();
        new CssWriter(text).Write(value);
        return text.ToString();
    }
}
