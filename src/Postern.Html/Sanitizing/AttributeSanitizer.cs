using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Postern.Html.Css;
using Postern.Html.Urls;

namespace Postern.Html.Sanitizing;

/// <summary>
/// Checks the attributes of a kept element against <see cref="HtmlAllowList"/>, runs URLs through the
/// <see cref="UrlPolicy"/> and inline styles through the CSS rules, prefixes names, and adds the attributes the
/// page relies on (link target and rel, image referrer policy, inert buttons).
/// </summary>
internal sealed partial class AttributeSanitizer(
    HtmlSanitizerOptions options,
    UrlPolicy urls,
    CssDeclarationSanitizer css,
    IdentifierPrefixer prefixer,
    SanitizeReport report)
{
    private readonly HtmlLimits _limits = options.Limits;

    public List<KeyValuePair<string, string>> Sanitize(IElement element, string name)
    {
        var kept = new List<KeyValuePair<string, string>>();
        var isLink = false;
        var hasRemoteImage = false;
        var count = 0;
        foreach (var attribute in element.Attributes)
        {
            if (++count > _limits.MaxAttributesPerElement)
            {
                report.Remove("attribute beyond limit");
                break;
            }
            if (attribute.NamespaceUri is not null || !HtmlAllowList.TryGetAttribute(name, attribute.Name, out var kind))
            {
                report.Remove("attribute", attribute.Name);
                continue;
            }
            var value = attribute.Value;
            if (value.Length > _limits.MaxAttributeValueChars && !(kind == AttributeKind.Image && IsDataUrl(value)))
            {
                report.Remove("attribute too long");
                continue;
            }
            if (Check(attribute.Name, kind, value) is not { } checkedValue)
                continue;
            kept.Add(new(attribute.Name, checkedValue));
            isLink |= kind == AttributeKind.Link && !checkedValue.StartsWith('#');
            hasRemoteImage |= kind == AttributeKind.Image && checkedValue.StartsWith("http", StringComparison.OrdinalIgnoreCase);
        }

        if (isLink && options.LinkTarget is { } target)
            kept.Add(new("target", target));
        if (isLink && options.LinkRel is { } rel)
            kept.Add(new("rel", rel));
        // The page's address (with the session in it) must not reach the image's server as a Referer.
        if (hasRemoteImage && name == "img")
            kept.Add(new("referrerpolicy", "no-referrer"));
        // A button inside the page's own form would otherwise submit it.
        if (name == "button")
            kept.Add(new("type", "button"));
        return kept;
    }

    /// <summary>
    /// The attributes of the wrapper that stands in for <c>&lt;body&gt;</c>: its class, id, style and text
    /// attributes, its colours and background as CSS, and the direction and language of body or html.
    /// </summary>
    public List<KeyValuePair<string, string>> SanitizeBody(IElement body, IElement? root)
    {
        var kept = new List<KeyValuePair<string, string>>();
        var style = new StringBuilder();
        foreach (var (attribute, property) in (ReadOnlySpan<(string, string)>)[("bgcolor", "background-color"), ("text", "color")])
        {
            if (body.GetAttribute(attribute) is { } color && HtmlColor().IsMatch(color))
                style.Append(property).Append(':').Append(color).Append(';');
        }
        if (body.GetAttribute("background") is { } background && Check("background", AttributeKind.Image, background) is { } image)
        {
            var writer = new CssWriter(style);
            writer.WriteRaw("background-image:");
            writer.Write(new CssToken(CssTokenKind.Url, image));
            writer.WriteRaw(";");
        }
        if (body.GetAttribute("style") is { } inline)
            style.Append(inline);
        if (style.Length > 0 && style.Length <= _limits.MaxAttributeValueChars && css.SanitizeStyleAttribute(style.ToString()) is { } sanitized)
            kept.Add(new("style", sanitized));

        foreach (var attribute in body.Attributes)
        {
            if (attribute.Name is not ("bgcolor" or "text" or "background" or "style" or "class" or "id" or "title" or "dir" or "lang"))
                report.Remove("attribute", attribute.Name);
        }
        foreach (var attribute in (ReadOnlySpan<string>)["class", "id", "title", "dir", "lang"])
        {
            var value = body.GetAttribute(attribute) ?? (attribute is "dir" or "lang" ? root?.GetAttribute(attribute) : null);
            if (value is not null && value.Length <= _limits.MaxAttributeValueChars
                && HtmlAllowList.TryGetAttribute("div", attribute, out var kind) && Check(attribute, kind, value) is { } checkedValue)
                kept.Add(new(attribute, checkedValue));
        }
        return kept;
    }

    private string? Check(string attribute, AttributeKind kind, string value)
    {
        switch (kind)
        {
            case AttributeKind.Text:
                return value;
            case AttributeKind.Style:
                return css.SanitizeStyleAttribute(value);
            case AttributeKind.ClassList or AttributeKind.IdentifierList:
                return prefixer.PrefixList(value) is { Length: > 0 } names ? names : null;
            case AttributeKind.Identifier:
                return value.Trim() is { Length: > 0 } identifier ? prefixer.Prefix(identifier) : null;
            case AttributeKind.MapReference:
                return value.Trim() is ['#', _, ..] reference ? "#" + prefixer.Prefix(reference[1..]) : null;
            default:
                var use = kind switch
                {
                    AttributeKind.Link => UrlUse.Link,
                    AttributeKind.Citation => UrlUse.Citation,
                    _ => UrlUse.Image,
                };
                var verdict = urls.Evaluate(value, use);
                switch (verdict.Outcome)
                {
                    case UrlOutcome.Allowed:
                        return verdict.Url;
                    case UrlOutcome.RemoteBlocked:
                        report.BlockRemoteContent();
                        return attribute == "src" ? options.BlockedImagePlaceholder : null;
                    default:
                        report.Remove(verdict.Reason);
                        return null;
                }
        }
    }

    private static bool IsDataUrl(string value) => value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Legacy colour attributes: a colour name or a hex triplet, nothing that could end the declaration.</summary>
    [GeneratedRegex("^#?[A-Za-z0-9]{1,20}$")]
    private static partial Regex HtmlColor();
}
