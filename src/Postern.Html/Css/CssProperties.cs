namespace Postern.Html.Css;

/// <summary>Extra checks a property's value must pass, beyond the checks every value gets.</summary>
[Flags]
internal enum CssValueRule
{
    None = 0,

    /// <summary>May hold <c>url()</c> images (subject to consent and the URL policy).</summary>
    Images = 1,

    /// <summary>
    /// No negative numbers and no <c>calc()</c>-like math that could hide one: a negative margin or indent pulls
    /// content out of the message's box, over the page around it.
    /// </summary>
    NotNegative = 2,

    /// <summary>
    /// Paints outside the element's box or shifts glyphs (shadows, outlines, letter spacing): lengths are capped
    /// so the effect stays near the box.
    /// </summary>
    NearTheBox = 4,

    /// <summary>Names font families, which the message's own <c>@font-face</c> names are renamed in.</summary>
    FontFamilies = 8,

    /// <summary><c>position</c>: only <c>static</c> and <c>relative</c>; fixed, sticky and absolute boxes leave the frame.</summary>
    Position = 16,
}

/// <summary>
/// The CSS properties a message may use: layout inside the flow, boxes, colours, fonts, text, lists and tables.
/// Everything else is dropped: scripting hooks (<c>behavior</c>, <c>-moz-binding</c>), whatever moves a box out of
/// the flow or over other content (<c>top</c>/<c>left</c>, <c>z-index</c>, <c>transform</c>, <c>inset</c>),
/// generated content and cursors (which load URLs), animations and global names (<c>animation</c>,
/// <c>counter-*</c>), blending and masking with what lies behind, and Outlook's <c>mso-*</c> hints.
/// </summary>
internal static class CssProperties
{
    private static readonly Dictionary<string, CssValueRule> s_allowed = Build();

    /// <summary>
    /// Properties a rule for <c>html</c>, <c>body</c> or <c>:root</c> may set on the container itself: colours,
    /// backgrounds and text. The container's box (size, margins, borders, display) belongs to the page.
    /// </summary>
    private static readonly HashSet<string> s_forContainer = new(StringComparer.Ordinal)
    {
        "color", "background", "background-color", "background-image", "background-repeat", "background-position",
        "background-position-x", "background-position-y", "background-size", "font", "font-family", "font-size",
        "font-style", "font-weight", "font-variant", "font-stretch", "line-height", "letter-spacing", "word-spacing",
        "text-align", "text-decoration", "text-transform", "white-space", "word-break", "word-wrap", "overflow-wrap",
        "hyphens", "direction",
    };

    public static bool TryGetRule(string property, out CssValueRule rule) => s_allowed.TryGetValue(property, out rule);

    public static bool MayStyleContainer(string property) => s_forContainer.Contains(property);

    private static Dictionary<string, CssValueRule> Build()
    {
        var allowed = new Dictionary<string, CssValueRule>(StringComparer.Ordinal);
        void Add(CssValueRule rule, params string[] names)
        {
            foreach (var name in names)
                allowed[name] = rule;
        }

        Add(CssValueRule.None,
            "width", "height", "min-width", "max-width", "min-height", "max-height", "box-sizing", "aspect-ratio",
            "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
            "padding-block", "padding-block-start", "padding-block-end", "padding-inline", "padding-inline-start", "padding-inline-end",
            "border", "border-top", "border-right", "border-bottom", "border-left",
            "border-width", "border-style", "border-color",
            "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
            "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
            "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
            "border-radius", "border-top-left-radius", "border-top-right-radius", "border-bottom-left-radius", "border-bottom-right-radius",
            "border-collapse", "border-spacing",
            "background-color", "background-repeat", "background-position", "background-position-x", "background-position-y",
            "background-size", "background-clip", "background-origin", "background-attachment",
            "color", "opacity", "visibility",
            "font-size", "font-style", "font-weight", "font-variant", "font-stretch", "line-height",
            "text-align", "text-align-last", "text-decoration", "text-decoration-line",
            "text-decoration-color", "text-decoration-style", "text-decoration-thickness", "text-underline-offset",
            "text-transform", "text-overflow", "white-space", "word-break", "word-wrap", "overflow-wrap", "hyphens",
            "vertical-align", "direction", "unicode-bidi", "tab-size",
            "list-style-type", "list-style-position",
            "table-layout", "caption-side", "empty-cells",
            "display", "float", "clear", "overflow", "overflow-x", "overflow-y",
            "flex", "flex-direction", "flex-wrap", "flex-flow", "flex-grow", "flex-shrink", "flex-basis", "order",
            "justify-content", "align-items", "align-content", "align-self", "gap", "row-gap", "column-gap",
            "grid-template-columns", "grid-template-rows", "grid-column", "grid-row",
            "object-fit", "page-break-before", "page-break-after", "page-break-inside", "break-before", "break-after", "break-inside");
        Add(CssValueRule.Images, "background", "background-image", "list-style", "list-style-image");
        Add(CssValueRule.NotNegative,
            "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
            "margin-block", "margin-block-start", "margin-block-end", "margin-inline", "margin-inline-start", "margin-inline-end",
            "text-indent");
        Add(CssValueRule.NearTheBox, "box-shadow", "text-shadow", "letter-spacing", "word-spacing", "outline", "outline-width", "outline-offset", "outline-style", "outline-color");
        Add(CssValueRule.FontFamilies, "font", "font-family");
        Add(CssValueRule.Position, "position");
        return allowed;
    }
}
