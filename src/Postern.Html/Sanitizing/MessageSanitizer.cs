using System.Text;
using AngleSharp.Dom;
using Postern.Html.Css;
using Postern.Html.Urls;

namespace Postern.Html.Sanitizing;

/// <summary>
/// Turns a parsed message into the safe fragment: first the message's style sheets (scoped, in one
/// <c>&lt;style&gt;</c>), then a wrapper for the body's own attributes, then the body's content with every element
/// kept, unwrapped or dropped as <see cref="HtmlAllowList"/> says. The tree is walked without recursion, so any
/// depth the parser allows is safe.
/// </summary>
internal sealed class MessageSanitizer
{
    private const string HtmlNamespace = "http://www.w3.org/1999/xhtml";

    private readonly HtmlSanitizerOptions _options;
    private readonly SanitizeReport _report;
    private readonly HtmlWriter _writer;
    private readonly AttributeSanitizer _attributes;
    private readonly CssStyleSheetSanitizer _styleSheets;

    public MessageSanitizer(HtmlSanitizerOptions options, SanitizeReport report)
    {
        _options = options;
        _report = report;
        _writer = new HtmlWriter(options.Limits.MaxOutputChars);
        var prefixer = new IdentifierPrefixer(options.IdentifierPrefix);
        var urls = new UrlPolicy(options, prefixer);
        var css = new CssDeclarationSanitizer(urls, report, options.Limits);
        _attributes = new AttributeSanitizer(options, urls, css, prefixer, report);
        _styleSheets = new CssStyleSheetSanitizer(
            options.ContainerSelector, css, new CssSelectorScoper(options.ContainerSelector, prefixer, report), prefixer, report, options.Limits);
    }

    public string Sanitize(IDocument document)
    {
        WriteStyleSheets(document);
        if (document.Body is { } body)
        {
            var wrapper = _attributes.SanitizeBody(body, document.DocumentElement);
            if (wrapper.Count > 0)
                _writer.StartElement("div", wrapper, isVoid: false);
            WriteChildren(body);
        }
        if (_writer.IsFull)
            _report.Truncate("output");
        return _writer.Finish();
    }

    /// <summary>
    /// Collects the text of every style element the message shows (none inside dropped elements or foreign
    /// content), within the style-sheet limit, and writes them as one scoped sheet. Walks the whole document,
    /// head included, so it also reports the dropped elements.
    /// </summary>
    private void WriteStyleSheets(IDocument document)
    {
        var sheets = new List<List<CssRule>>();
        var remaining = _options.Limits.MaxStyleSheetChars;
        var pending = new Stack<INode>();
        pending.Push(document);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is IElement element && (element.NamespaceUri != HtmlNamespace || HtmlAllowList.ActionFor(element.LocalName) == ElementAction.Drop))
            {
                // Dropped elements are reported here, where those in the head (base, link, meta, script) are seen too.
                if (element.LocalName != "style")
                    _report.Remove("element", element.LocalName);
                else if (element.NamespaceUri == HtmlNamespace && remaining > 0)
                {
                    var css = element.TextContent;
                    if (css.Length > remaining)
                    {
                        css = css[..remaining];
                        _report.Truncate("style sheets");
                    }
                    remaining -= css.Length;
                    if (_styleSheets.Parse(css) is { } rules)
                        sheets.Add(rules);
                }
                continue;
            }
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                pending.Push(children[i]);
        }

        foreach (var rules in sheets)
            _styleSheets.PrepareFontFaces(rules);
        var output = new StringBuilder();
        foreach (var rules in sheets)
            _styleSheets.Write(output, rules);
        if (output.Length > 0)
            _writer.StyleSheet(output.ToString());
    }

    /// <summary>
    /// Walks the tree below <paramref name="root"/> depth first with a stack of child lists. Children are reached by
    /// index: AngleSharp's NextSibling searches the parent's list, which would make long sibling runs quadratic.
    /// </summary>
    private void WriteChildren(INode root)
    {
        // Each frame: a child list, the next index in it, and whether leaving it ends an element written out.
        var frames = new Stack<(INodeList Children, int Next, bool EndsElement)>();
        frames.Push((root.ChildNodes, 0, false));
        while (frames.Count > 0 && !_writer.IsFull)
        {
            var (children, next, endsElement) = frames.Pop();
            if (next >= children.Length)
            {
                if (endsElement)
                    _writer.EndElement();
                continue;
            }
            frames.Push((children, next + 1, endsElement));
            var node = children[next];
            var descend = Enter(node, out var wroteStart);
            if (descend && node.HasChildNodes)
                frames.Push((node.ChildNodes, 0, wroteStart));
            else if (wroteStart)
                _writer.EndElement();
        }
    }

    /// <summary>Writes what a node contributes on entry; true when its children are to be walked.</summary>
    private bool Enter(INode node, out bool wroteStart)
    {
        wroteStart = false;
        switch (node)
        {
            case IText text:
                _writer.Text(text.Data);
                return false;
            case IElement element:
                return EnterElement(element, out wroteStart);
            case IComment:
                _report.Remove("comment");
                return false;
            default:
                return false;
        }
    }

    private bool EnterElement(IElement element, out bool wroteStart)
    {
        wroteStart = false;
        var name = element.LocalName;
        // Foreign and dropped elements were reported while the style sheets were collected.
        if (element.NamespaceUri != HtmlNamespace)
            return false;
        switch (HtmlAllowList.ActionFor(name))
        {
            case ElementAction.Drop:
                return false;
            case ElementAction.Unwrap:
                _report.Remove("element", name);
                return true;
            case ElementAction.Keep when !_writer.Fits(name):
                // A table part outside its table (foster-parenting leaves such shapes): its content stays.
                _report.Remove("element " + name + " out of place");
                return true;
            default:
                var isVoid = HtmlAllowList.IsVoid(name);
                wroteStart = _writer.StartElement(HtmlAllowList.OutputName(name), _attributes.Sanitize(element, name), isVoid) && !isVoid;
                return !isVoid;
        }
    }
}
