namespace Postern.Html.Sanitizing;

/// <summary>What happens to an element of the message.</summary>
internal enum ElementAction
{
    /// <summary>Written out with its allowed attributes, then its content.</summary>
    Keep,

    /// <summary>Left out, its content written in its place (unknown and form-only elements, <c>noscript</c>).</summary>
    Unwrap,

    /// <summary>Left out with all its content (scripts, embedded documents and plug-ins, forms' controls, SVG, MathML).</summary>
    Drop,
}

/// <summary>How an allowed attribute's value is checked.</summary>
internal enum AttributeKind
{
    /// <summary>Free text, written escaped.</summary>
    Text,

    /// <summary>A link target (see <see cref="Urls.UrlUse.Link"/>).</summary>
    Link,

    /// <summary>A quotation source, never loaded.</summary>
    Citation,

    /// <summary>An image the browser loads by itself: consent, cid: and data: rules apply.</summary>
    Image,

    /// <summary>Inline CSS, sanitised by the CSS declaration rules.</summary>
    Style,

    /// <summary>Space-separated class names, each prefixed.</summary>
    ClassList,

    /// <summary>An id or anchor name, prefixed.</summary>
    Identifier,

    /// <summary>Space-separated ids (a cell's <c>headers</c>), each prefixed.</summary>
    IdentifierList,

    /// <summary>A <c>#name</c> reference to a map, prefixed like the name.</summary>
    MapReference,
}

/// <summary>
/// The elements and attributes a message keeps. Anything not listed is left out: unknown elements are unwrapped,
/// unknown attributes (every <c>on…</c> handler among them) dropped. The lists follow what mail actually uses —
/// text formatting, tables, lists, images and links, fonts and colours, direction and language — and leave out
/// whatever runs code, loads documents, submits data or can escape the message's box.
/// </summary>
internal static class HtmlAllowList
{
    private static readonly Dictionary<string, ElementAction> s_elements = BuildElements();

    /// <summary>Attributes every kept element may have.</summary>
    private static readonly Dictionary<string, AttributeKind> s_global = new(StringComparer.Ordinal)
    {
        ["class"] = AttributeKind.ClassList,
        ["id"] = AttributeKind.Identifier,
        ["style"] = AttributeKind.Style,
        ["title"] = AttributeKind.Text,
        ["dir"] = AttributeKind.Text,
        ["lang"] = AttributeKind.Text,
        ["align"] = AttributeKind.Text,
        ["valign"] = AttributeKind.Text,
        ["hidden"] = AttributeKind.Text,
        ["role"] = AttributeKind.Text,
        ["aria-label"] = AttributeKind.Text,
        ["aria-hidden"] = AttributeKind.Text,
    };

    /// <summary>Attributes particular elements may have, on top of <see cref="s_global"/>.</summary>
    private static readonly Dictionary<string, Dictionary<string, AttributeKind>> s_byElement = BuildAttributes();

    /// <summary>Elements with no content and no end tag (HTML §13.1.2).</summary>
    private static readonly HashSet<string> s_void = new(StringComparer.Ordinal) { "br", "hr", "img", "wbr", "col", "area" };

    /// <summary>Obsolete preformatted-text elements, written as <c>pre</c> (their raw-text parsing is not needed again).</summary>
    private static readonly Dictionary<string, string> s_renamed = new(StringComparer.Ordinal)
    {
        ["xmp"] = "pre", ["listing"] = "pre", ["plaintext"] = "pre",
    };

    public static ElementAction ActionFor(string localName) =>
        s_renamed.ContainsKey(localName) ? ElementAction.Keep :
        s_elements.TryGetValue(localName, out var action) ? action : ElementAction.Unwrap;

    /// <summary>The name a kept element is written with.</summary>
    public static string OutputName(string localName) => s_renamed.GetValueOrDefault(localName, localName);

    public static bool IsVoid(string localName) => s_void.Contains(localName);

    public static bool TryGetAttribute(string element, string attribute, out AttributeKind kind) =>
        (s_byElement.TryGetValue(element, out var specific) && specific.TryGetValue(attribute, out kind))
        || s_global.TryGetValue(attribute, out kind);

    private static Dictionary<string, ElementAction> BuildElements()
    {
        var elements = new Dictionary<string, ElementAction>(StringComparer.Ordinal);
        void Set(ElementAction action, params string[] names)
        {
            foreach (var name in names)
                elements[name] = action;
        }

        Set(ElementAction.Keep,
            "a", "abbr", "acronym", "address", "area", "article", "aside", "b", "bdi", "bdo", "big", "blockquote", "br",
            "button", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "dir",
            "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "i", "img", "ins", "kbd", "label", "legend", "li", "main", "map", "mark", "marquee",
            "menu", "nav", "nobr", "ol", "p", "pre", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "section", "small",
            "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
            "tr", "tt", "u", "ul", "var", "wbr");
        // Scripts, styles (read separately), embedded documents and plug-ins, media that loads by itself, form
        // controls, inert templates, document metadata, and the foreign-content parsers (SVG, MathML) that most
        // mutation-XSS tricks go through.
        Set(ElementAction.Drop,
            "script", "style", "template", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet", "param",
            "audio", "video", "source", "track", "canvas", "input", "select", "option", "optgroup", "datalist", "textarea",
            "keygen", "output", "progress", "meter", "base", "link", "meta", "title", "bgsound", "svg", "math",
            "noembed", "portal", "fencedframe", "slot");
        return elements;
    }

    private static Dictionary<string, Dictionary<string, AttributeKind>> BuildAttributes()
    {
        var text = AttributeKind.Text;
        var cell = new Dictionary<string, AttributeKind>(StringComparer.Ordinal)
        {
            ["width"] = text, ["height"] = text, ["colspan"] = text, ["rowspan"] = text, ["bgcolor"] = text,
            ["background"] = AttributeKind.Image, ["nowrap"] = text, ["abbr"] = text, ["axis"] = text,
            ["headers"] = AttributeKind.IdentifierList, ["scope"] = text, ["char"] = text, ["charoff"] = text,
        };
        var section = new Dictionary<string, AttributeKind>(StringComparer.Ordinal)
        {
            ["bgcolor"] = text, ["char"] = text, ["charoff"] = text, ["background"] = AttributeKind.Image,
        };
        var column = new Dictionary<string, AttributeKind>(StringComparer.Ordinal)
        {
            ["span"] = text, ["width"] = text, ["char"] = text, ["charoff"] = text, ["bgcolor"] = text,
        };
        var change = new Dictionary<string, AttributeKind>(StringComparer.Ordinal) { ["cite"] = AttributeKind.Citation, ["datetime"] = text };
        return new Dictionary<string, Dictionary<string, AttributeKind>>(StringComparer.Ordinal)
        {
            // target and rel are not listed: every link gets the configured ones instead.
            ["a"] = new(StringComparer.Ordinal) { ["href"] = AttributeKind.Link, ["name"] = AttributeKind.Identifier, ["hreflang"] = text },
            ["area"] = new(StringComparer.Ordinal)
            {
                ["href"] = AttributeKind.Link, ["alt"] = text, ["shape"] = text, ["coords"] = text,
            },
            ["img"] = new(StringComparer.Ordinal)
            {
                ["src"] = AttributeKind.Image, ["alt"] = text, ["width"] = text, ["height"] = text, ["border"] = text,
                ["hspace"] = text, ["vspace"] = text, ["usemap"] = AttributeKind.MapReference,
            },
            ["map"] = new(StringComparer.Ordinal) { ["name"] = AttributeKind.Identifier },
            ["table"] = new(StringComparer.Ordinal)
            {
                ["width"] = text, ["height"] = text, ["border"] = text, ["cellpadding"] = text, ["cellspacing"] = text,
                ["bgcolor"] = text, ["background"] = AttributeKind.Image, ["frame"] = text, ["rules"] = text, ["summary"] = text,
            },
            ["tr"] = new(StringComparer.Ordinal)
            {
                ["height"] = text, ["bgcolor"] = text, ["background"] = AttributeKind.Image, ["char"] = text, ["charoff"] = text,
            },
            ["td"] = cell,
            ["th"] = cell,
            ["thead"] = section,
            ["tbody"] = section,
            ["tfoot"] = section,
            ["col"] = column,
            ["colgroup"] = column,
            ["font"] = new(StringComparer.Ordinal) { ["color"] = text, ["face"] = text, ["size"] = text },
            ["hr"] = new(StringComparer.Ordinal) { ["width"] = text, ["size"] = text, ["noshade"] = text, ["color"] = text },
            ["br"] = new(StringComparer.Ordinal) { ["clear"] = text },
            ["ol"] = new(StringComparer.Ordinal) { ["start"] = text, ["type"] = text, ["reversed"] = text },
            ["ul"] = new(StringComparer.Ordinal) { ["type"] = text },
            ["li"] = new(StringComparer.Ordinal) { ["value"] = text, ["type"] = text },
            // Apple Mail and Thunderbird mark quoted replies with type="cite".
            ["blockquote"] = new(StringComparer.Ordinal) { ["cite"] = AttributeKind.Citation, ["type"] = text },
            ["q"] = new(StringComparer.Ordinal) { ["cite"] = AttributeKind.Citation },
            ["del"] = change,
            ["ins"] = change,
            ["time"] = new(StringComparer.Ordinal) { ["datetime"] = text },
            ["data"] = new(StringComparer.Ordinal) { ["value"] = text },
            ["details"] = new(StringComparer.Ordinal) { ["open"] = text },
            ["button"] = new(StringComparer.Ordinal) { ["disabled"] = text },
        };
    }
}
