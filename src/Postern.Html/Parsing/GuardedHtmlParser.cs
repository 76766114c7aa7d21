using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Postern.Html.Parsing;

/// <summary>
/// AngleSharp's HTML5 parser (which repairs broken markup the way browsers do) with a guard against markup that
/// makes the HTML tree-construction algorithm slow. Elements nested thousands deep make every tag scan a huge
/// stack of open elements (100,000 nested <c>&lt;div&gt;</c> take a minute), and misnested formatting tags with
/// distinct attributes make the parser re-create them at every paragraph (5,000 × <c>&lt;p&gt;&lt;b id=…&gt;</c>
/// create 12 million elements). The guard watches every element the parser creates and stops the parse at the
/// first one beyond <see cref="HtmlLimits.MaxNestingDepth"/> or <see cref="HtmlLimits.MaxElements"/>; what was
/// built until then is kept.
/// </summary>
internal static class GuardedHtmlParser
{
    /// <summary>One parser per thread: building one sets up a browsing context (about 60 µs), parsing does not.</summary>
    [ThreadStatic]
    private static HtmlParser? t_parser;

    [ThreadStatic]
    private static ParseGuard? t_guard;

    /// <summary>Parses <paramref name="html"/> as a document; <paramref name="stoppedBy"/> names the limit that cut it short.</summary>
    public static IDocument Parse(string html, HtmlLimits limits, out string? stoppedBy)
    {
        var parser = t_parser ??= new HtmlParser(new HtmlParserOptions
        {
            // Mail is shown without scripts: <noscript> content is what the reader should see, so parse it as markup.
            IsScripting = false,
            // Nesting is bounded by the guard below, which must see the real depth: AngleSharp's own cap (512)
            // would flatten deeper elements into siblings while its stack of open elements keeps growing.
            MaximumDepth = int.MaxValue,
            OnCreated = static (element, _) => t_guard!.Created(element),
        });
        var guard = t_guard = new ParseGuard(limits);
        try
        {
            var document = parser.ParseDocument(html);
            stoppedBy = null;
            return document;
        }
        catch (ParseGuard.LimitReachedException stop)
        {
            stoppedBy = stop.Message;
            return guard.Document!;
        }
        finally
        {
            t_guard = null;
        }
    }

    /// <summary>Counts created elements and measures how deep the previous one was inserted.</summary>
    private sealed class ParseGuard(HtmlLimits limits)
    {
        private readonly Dictionary<INode, IElement> _templateHosts = new(ReferenceEqualityComparer.Instance);
        private IElement? _previous;
        private int _created;

        public IDocument? Document { get; private set; }

        public void Created(IElement element)
        {
            Document ??= element.Owner;
            if (++_created > limits.MaxElements)
                throw new LimitReachedException("elements");
            // The parser inserts each element right after creating it, so the previous one now has its place.
            if (_previous is not null && DepthOf(_previous) > limits.MaxNestingDepth)
                throw new LimitReachedException("nesting");
            if (element is IHtmlTemplateElement template)
                _templateHosts[template.Content] = template;
            _previous = element;
        }

        /// <summary>
        /// How deep a node sits (the root element is 1), counting through template contents to their template;
        /// the count stops one past the cap.
        /// </summary>
        private int DepthOf(INode node)
        {
            var nodes = 0;
            for (INode? current = node; current is not null && nodes <= limits.MaxNestingDepth + 1; nodes++)
                current = current.Parent ?? (_templateHosts.TryGetValue(current, out var host) ? host : null);
            // The document node is not an element level.
            return nodes - 1;
        }

        public sealed class LimitReachedException(string limit) : Exception(limit);
    }
}
