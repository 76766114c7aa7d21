namespace Postern.Html.Sanitizing;

/// <summary>
/// The HTML tree-construction rules (HTML §13.2.6.4.7 "in body", §13.2.4.2 scopes) that close elements implicitly
/// or move table parts, as far as they matter for the elements the sanitiser writes. A tree the parser built by
/// foster-parenting (content moved out of a table) can hold shapes that the parser would not rebuild from their
/// markup, such as a list item directly inside a paragraph. The writer consults these rules so the markup it
/// writes parses back into exactly the tree it describes: in the page, and when sanitised again.
/// </summary>
internal static class ParserStability
{
    /// <summary>Start tags that close an open <c>p</c> in button scope. (<c>table</c> does so only in no-quirks mode and is left out.)</summary>
    private static readonly HashSet<string> s_closesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "dd", "dt", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section", "summary",
        "ul", "xmp",
    };

    /// <summary>§13.2.4.2: elements that bound "in scope"; button scope adds <c>button</c>.</summary>
    private static readonly HashSet<string> s_scopeBoundaries = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    };

    /// <summary>Elements after which the list of active formatting elements has a marker (§13.2.4.3).</summary>
    private static readonly HashSet<string> s_markers = new(StringComparer.Ordinal)
    {
        "applet", "object", "marquee", "template", "td", "th", "caption", "html",
    };

    /// <summary>§13.2.4.2 "special" elements that the sanitiser can write (the others never reach the writer).</summary>
    private static readonly HashSet<string> s_special = new(StringComparer.Ordinal)
    {
        "address", "area", "article", "aside", "blockquote", "br", "button", "caption", "center", "col", "colgroup",
        "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "img", "li", "listing", "main", "marquee", "menu", "nav", "ol", "p",
        "plaintext", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        "wbr", "xmp",
    };

    /// <summary>Table parts and the parent each must have to be parsed where it is written.</summary>
    private static readonly Dictionary<string, string[]> s_tableParents = new(StringComparer.Ordinal)
    {
        ["caption"] = ["table"], ["colgroup"] = ["table"], ["thead"] = ["table"], ["tbody"] = ["table"], ["tfoot"] = ["table"],
        ["tr"] = ["thead", "tbody", "tfoot"], ["td"] = ["tr"], ["th"] = ["tr"], ["col"] = ["colgroup"],
    };

    private static readonly string[] s_headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>
    /// §13.2.6.4.7: a line feed right after a <c>pre</c> or <c>listing</c> start tag is dropped by the parser, so
    /// the writer always puts one there (§13.3 serialises these elements the same way); content that starts with
    /// its own line feed then keeps it.
    /// </summary>
    public static bool DropsLeadingNewline(string name) => name is "pre" or "listing";

    /// <summary>
    /// Whether an element may be written under <paramref name="parent"/>: table parts only in their own parent
    /// (elsewhere the parser drops the tag or makes up the missing parent).
    /// </summary>
    public static bool FitsUnder(string name, string? parent) =>
        !s_tableParents.TryGetValue(name, out var parents) || (parent is not null && parents.Contains(parent));

    /// <summary>
    /// How many of the open elements (innermost first) the parser would close before inserting
    /// <paramref name="name"/>; zero when none.
    /// </summary>
    public static int ImpliedCloses(string name, IReadOnlyList<string> open)
    {
        var closes = 0;
        switch (name)
        {
            // §13.2.6.4.7 "li", "dd"/"dt": the nearest such item is closed unless a special element comes first.
            case "li":
                closes = Find(open, ["li"], stopAt: n => s_special.Contains(n) && n is not ("address" or "div" or "p"));
                break;
            case "dd" or "dt":
                closes = Find(open, ["dd", "dt"], stopAt: n => s_special.Contains(n) && n is not ("address" or "div" or "p"));
                break;
            // A heading right inside a heading is closed.
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when open.Count > 0 && s_headings.Contains(open[^1]):
                closes = 1;
                break;
            case "button":
                closes = Find(open, ["button"], stopAt: s_scopeBoundaries.Contains);
                break;
            // The adoption agency algorithm ends an open a (or nobr) before a new one starts.
            case "a":
                closes = Find(open, ["a"], stopAt: s_markers.Contains);
                break;
            case "nobr":
                closes = Find(open, ["nobr"], stopAt: s_scopeBoundaries.Contains);
                break;
            // Ruby annotations end the open annotation ("generate implied end tags").
            case "rb" or "rtc":
                while (closes < open.Count && open[open.Count - 1 - closes] is "rb" or "rp" or "rt" or "rtc")
                    closes++;
                break;
            case "rp" or "rt":
                while (closes < open.Count && open[open.Count - 1 - closes] is "rb" or "rp" or "rt")
                    closes++;
                break;
        }
        if (s_closesParagraph.Contains(name))
        {
            var paragraph = Find(open.Take(open.Count - closes).ToList(), ["p"], stopAt: n => s_scopeBoundaries.Contains(n) || n == "button");
            if (paragraph > 0)
                closes += paragraph;
        }
        return closes;
    }

    /// <summary>
    /// Searching from the innermost open element, how many must close to close the first of
    /// <paramref name="targets"/>; zero when an element matching <paramref name="stopAt"/> comes first.
    /// </summary>
    private static int Find(IReadOnlyList<string> open, string[] targets, Func<string, bool> stopAt)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (targets.Contains(open[i]))
                return open.Count - i;
            if (stopAt(open[i]))
                return 0;
        }
        return 0;
    }
}
