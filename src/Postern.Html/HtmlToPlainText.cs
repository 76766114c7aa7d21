using AngleSharp.Dom;
using Postern.Html.Parsing;
using Postern.Html.Sanitizing;
using Postern.Html.Text;
using Postern.Html.Urls;

namespace Postern.Html;

/// <summary>
/// Plain text from an HTML part, for quoting it in a reply and for previews: blocks become lines, paragraphs and
/// headings blank-line separated, list items bulleted or numbered, quotations prefixed with <c>&gt;</c>, links
/// written as <c>text &lt;url&gt;</c>, images as their alternative text; scripts, styles and other invisible
/// content are left out.
/// </summary>
public static class HtmlToPlainText
{
    /// <summary>The default length cap: 1 Mi characters, far more than any reply quotes.</summary>
    public const int DefaultMaxLength = 1024 * 1024;

    /// <summary>Elements whose content is never shown as text.</summary>
    private static readonly HashSet<string> s_invisible = new(StringComparer.Ordinal)
    {
        "head", "script", "style", "template", "title", "svg", "math", "iframe", "object", "embed", "applet",
        "select", "textarea", "audio", "video", "canvas", "noembed", "noframes", "frameset",
    };

    /// <summary>Elements that start and end a line.</summary>
    private static readonly HashSet<string> s_lineBlocks = new(StringComparer.Ordinal)
    {
        "div", "tr", "li", "dd", "dt", "address", "article", "aside", "header", "footer", "nav", "section", "main",
        "figure", "figcaption", "form", "fieldset", "legend", "center", "details", "summary", "caption", "dir", "menu",
    };

    /// <summary>Elements set off by a blank line.</summary>
    private static readonly HashSet<string> s_paragraphBlocks = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "ul", "ol", "dl", "table", "hr", "xmp", "listing",
    };

    /// <summary>Converts <paramref name="html"/>; at most <paramref name="maxLength"/> characters come out.</summary>
    public static string Convert(string html, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        var limits = HtmlLimits.Default;
        var document = GuardedHtmlParser.Parse(LimitedInput.Cut(html, limits.MaxInputChars, new SanitizeReport()), limits, out _);
        if (document.Body is not { } body)
            return "";
        var walker = new Walker(new PlainTextBuilder(maxLength));
        walker.Walk(body);
        var text = walker.Text;
        return text.Length <= maxLength ? text : text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];
    }

    private sealed class Walker(PlainTextBuilder output)
    {
        private readonly UrlPolicy _links = new(HtmlSanitizerOptions.Default, new IdentifierPrefixer("pm-"));
        private readonly Stack<int> _listCounters = new();
        private readonly Stack<int> _linkStarts = new();
        private int _preformatted;

        public string Text => output.ToString();

        /// <summary>
        /// Walks the tree without recursion, calling Enter and Leave for each element; children are reached by index
        /// (AngleSharp's NextSibling searches the parent's list, quadratic over long runs of siblings).
        /// </summary>
        public void Walk(INode root)
        {
            var frames = new Stack<(INodeList Children, int Next, IElement? Parent)>();
            frames.Push((root.ChildNodes, 0, null));
            while (frames.Count > 0 && !output.IsFull)
            {
                var (children, next, parent) = frames.Pop();
                if (next >= children.Length)
                {
                    if (parent is not null)
                        Leave(parent);
                    continue;
                }
                frames.Push((children, next + 1, parent));
                var node = children[next];
                if (!Enter(node))
                    continue;
                if (node.HasChildNodes)
                    frames.Push((node.ChildNodes, 0, (IElement)node));
                else
                    Leave((IElement)node);
            }
        }

        private bool Enter(INode node)
        {
            if (node is IText text)
            {
                output.Text(text.Data, _preformatted > 0);
                return false;
            }
            if (node is not IElement element || s_invisible.Contains(element.LocalName))
                return false;

            var name = element.LocalName;
            Block(name);
            switch (name)
            {
                case "br":
                    output.LineBreak();
                    break;
                case "hr":
                    output.Text("----", preformatted: true);
                    break;
                case "img" when element.GetAttribute("alt") is { Length: > 0 } alt:
                    output.Text("[" + alt + "]", preformatted: false);
                    break;
                case "td" or "th":
                    output.Space();
                    break;
                case "blockquote":
                    output.QuoteDepth++;
                    break;
                case "pre" or "xmp" or "listing" or "plaintext":
                    _preformatted++;
                    break;
                case "ul" or "ol":
                    _listCounters.Push(name == "ol" && int.TryParse(element.GetAttribute("start"), out var start) ? start : name == "ol" ? 1 : 0);
                    break;
                case "li":
                    output.Text(Bullet(), preformatted: true);
                    break;
                case "a":
                    _linkStarts.Push(output.Length);
                    break;
            }
            return true;
        }

        private void Leave(IElement element)
        {
            if (s_invisible.Contains(element.LocalName))
                return;
            var name = element.LocalName;
            switch (name)
            {
                case "blockquote":
                    output.QuoteDepth--;
                    break;
                case "pre" or "xmp" or "listing" or "plaintext":
                    _preformatted--;
                    break;
                case "ul" or "ol":
                    _listCounters.Pop();
                    break;
                case "a":
                    WriteLinkTarget(element, _linkStarts.Pop());
                    break;
            }
            Block(name);
        }

        private void Block(string name)
        {
            if (s_paragraphBlocks.Contains(name))
                output.Block(2);
            else if (s_lineBlocks.Contains(name))
                output.Block(1);
        }

        /// <summary>"* " in a bulleted list, "3. " in a numbered one (counting from its start).</summary>
        private string Bullet()
        {
            if (_listCounters.Count == 0 || _listCounters.Peek() == 0)
                return "* ";
            var number = _listCounters.Pop();
            _listCounters.Push(number + 1);
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". ";
        }

        /// <summary>After a link's text, its URL in angle brackets, unless the text already says it.</summary>
        private void WriteLinkTarget(IElement link, int textStart)
        {
            if (link.GetAttribute("href") is not { } href)
                return;
            var verdict = _links.Evaluate(href, UrlUse.Link);
            if (verdict.Outcome != UrlOutcome.Allowed || verdict.Url.StartsWith('#'))
                return;
            var url = verdict.Url;
            var shown = output.Substring(textStart).Trim();
            var address = url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url[7..] : url;
            if (shown.Equals(url, StringComparison.OrdinalIgnoreCase) || shown.Equals(address, StringComparison.OrdinalIgnoreCase))
                return;
            output.Text(" <" + url + ">", preformatted: false);
        }
    }
}
