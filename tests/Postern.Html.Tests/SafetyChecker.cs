using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Postern.Html.Tests;

/// <summary>
/// An independent check of sanitiser output, written from the safety rules rather than from the sanitiser's own
/// tables: the output is parsed as a browser would parse it inside the page, and every element, attribute, URL
/// and piece of CSS in it must be one the rules allow.
/// </summary>
internal static class SafetyChecker
{
    private static readonly HashSet<string> s_elements =
    [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "b", "bdi", "bdo", "big", "blockquote", "br",
        "button", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "dir",
        "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "i", "img", "ins", "kbd", "label", "legend", "li", "main", "map", "mark", "marquee",
        "menu", "nav", "nobr", "ol", "p", "pre", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "section", "small",
        "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
        "tr", "tt", "u", "ul", "var", "wbr",
    ];

    private static readonly HashSet<string> s_attributes =
    [
        "class", "id", "style", "title", "dir", "lang", "align", "valign", "hidden", "role", "aria-label", "aria-hidden",
        "href", "name", "hreflang", "alt", "shape", "coords", "src", "width", "height", "border", "hspace", "vspace",
        "usemap", "cellpadding", "cellspacing", "bgcolor", "background", "frame", "rules", "summary", "colspan", "rowspan",
        "nowrap", "abbr", "axis", "headers", "scope", "char", "charoff", "span", "color", "face", "size", "noshade",
        "clear", "start", "type", "reversed", "value", "cite", "datetime", "open", "disabled",
        "target", "rel", "referrerpolicy",
    ];

    private static readonly string[] s_urlAttributes = ["href", "src", "background", "cite"];

    private static readonly string[] s_forbiddenCss =
        ["expression", "javascript:", "vbscript:", "behavior", "-moz-binding", "@import", "position:fixed", "position:absolute", "position:sticky", "z-index"];

    /// <summary>Fails the test when <paramref name="html"/> holds anything outside the rules.</summary>
    /// <param name="trustedUrlPrefixes">URL prefixes the test's own callbacks produce (resolved parts, placeholders).</param>
    public static void AssertSafe(string html, string containerSelector = ".postern-message", params string[] trustedUrlPrefixes)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body><div class=\"page\">" + html + "</div></body></html>");
        var container = document.QuerySelector("div.page")!;
        foreach (var node in Descendants(container))
        {
            Assert.False(node is IComment, "The output holds a comment.");
            if (node is not IElement element)
                continue;
            if (element.LocalName == "style")
            {
                Assert.Same(container.FirstChild, element);
                AssertSafeStyleSheet(element.TextContent, containerSelector);
                continue;
            }
            Assert.True(element.NamespaceUri == "http://www.w3.org/1999/xhtml", $"Foreign element <{element.LocalName}> in the output.");
            Assert.True(s_elements.Contains(element.LocalName), $"Element <{element.LocalName}> is not allowed.");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.Ordinal), $"Event handler {attribute.Name} in the output.");
                Assert.True(s_attributes.Contains(attribute.Name), $"Attribute {attribute.Name} on <{element.LocalName}> is not allowed.");
                if (s_urlAttributes.Contains(attribute.Name))
                    AssertSafeUrl(attribute.Value, element.LocalName == "img" || attribute.Name == "background", trustedUrlPrefixes);
                if (attribute.Name == "style")
                    AssertSafeDeclarations(attribute.Value);
                if (attribute.Name == "target")
                    Assert.Equal("_blank", attribute.Value);
            }
            if (element.LocalName == "button")
                Assert.Equal("button", element.GetAttribute("type"));
            if (element.LocalName is "a" or "area" && element.GetAttribute("href") is { } href && !href.StartsWith('#'))
                Assert.Equal("noopener noreferrer", element.GetAttribute("rel"));
        }
    }

    private static void AssertSafeUrl(string value, bool isImage, string[] trusted)
    {
        var url = new string(value.Where(c => c > ' ').ToArray()).ToLowerInvariant();
        if (trusted.Any(prefix => value.StartsWith(prefix, StringComparison.Ordinal)) || url.StartsWith('#'))
            return;
        var allowed = isImage ? new[] { "https:", "http:", "data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp" } : ["https:", "http:", "mailto:", "tel:"];
        Assert.True(allowed.Any(url.StartsWith), $"URL {value} is not allowed here.");
    }

    private static void AssertSafeDeclarations(string css)
    {
        var compact = Compact(css);
        foreach (var forbidden in s_forbiddenCss)
            Assert.DoesNotContain(forbidden, compact);
        Assert.DoesNotContain("url(", compact.Replace("url(\"https:", "", StringComparison.Ordinal).Replace("url(\"http:", "", StringComparison.Ordinal)
            .Replace("url(\"data:image/", "", StringComparison.Ordinal).Replace("url(\"parts/", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Every rule of the sheet starts with the container selector (or is an at-rule whose rules do).</summary>
    private static void AssertSafeStyleSheet(string css, string containerSelector)
    {
        AssertSafeDeclarations(css);
        Assert.DoesNotContain("<", css);
        foreach (var line in css.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("@media ", StringComparison.Ordinal) || line.StartsWith("@supports ", StringComparison.Ordinal)
                || line.StartsWith("@font-face{", StringComparison.Ordinal) || line == "}")
                continue;
            var selectors = line[..line.IndexOf('{')];
            foreach (var selector in selectors.Split(','))
            {
                Assert.True(selector == containerSelector || selector.StartsWith(containerSelector + " ", StringComparison.Ordinal),
                    $"Selector {selector} is not inside the container.");
                Assert.DoesNotContain("~", selector);
                Assert.DoesNotContain("+", selector);
            }
        }
    }

    private static string Compact(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();

    private static IEnumerable<INode> Descendants(INode root)
    {
        var pending = new Stack<INode>(root.ChildNodes.Reverse());
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            foreach (var child in node.ChildNodes.Reverse())
                pending.Push(child);
        }
    }
}
