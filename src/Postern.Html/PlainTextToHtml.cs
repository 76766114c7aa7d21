using Postern.Html.Parsing;
using Postern.Html.Sanitizing;
using Postern.Html.Text;
using Postern.Html.Urls;

namespace Postern.Html;

/// <summary>
/// Renders a text/plain part as an HTML fragment: text escaped, line breaks kept, quoted lines (<c>&gt;</c>) as
/// nested <c>&lt;blockquote type="cite"&gt;</c>, URLs and addresses as links, format=flowed paragraphs joined.
/// </summary>
public static class PlainTextToHtml
{
    /// <summary>Renders <paramref name="text"/>; never throws on any content.</summary>
    public static SanitizedHtml Convert(string text, PlainTextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= PlainTextOptions.Default;
        var report = new SanitizeReport();
        text = LimitedInput.Cut(text, options.Limits.MaxInputChars, report);
        var links = new UrlPolicy(new HtmlSanitizerOptions { RewriteLink = options.RewriteLink }, new IdentifierPrefixer("pm-"));
        var writer = new HtmlWriter(options.Limits.MaxOutputChars);
        var lines = options.Flowed ? TextLines.Flowed(text, options.DelSp) : TextLines.Fixed(text);

        var depth = 0;
        var first = true;
        foreach (var line in lines)
        {
            if (writer.IsFull)
                break;
            if (line.QuoteDepth == depth && !first)
                writer.StartElement("br", [], isVoid: true);
            first = false;
            for (; depth > line.QuoteDepth; depth--)
                writer.EndElement();
            for (; depth < line.QuoteDepth; depth++)
                writer.StartElement("blockquote", [new("type", "cite")], isVoid: false);
            WriteLine(writer, options.PreserveSpacing ? PreserveSpacing(line.Text) : line.Text, options, links);
        }
        if (writer.IsFull)
            report.Truncate("output");
        return new SanitizedHtml(writer.Finish(), RemoteContentBlocked: false, report.Truncated, report.Removed.ToArray());
    }

    private static void WriteLine(HtmlWriter writer, string text, PlainTextOptions options, UrlPolicy links)
    {
        var position = 0;
        if (options.LinkUrls)
        {
            foreach (var link in TextLinker.Find(text))
            {
                var verdict = links.Evaluate(link.Url, UrlUse.Link);
                if (verdict.Outcome != UrlOutcome.Allowed)
                    continue;
                writer.Text(text[position..link.Start]);
                List<KeyValuePair<string, string>> attributes = [new("href", verdict.Url)];
                if (options.LinkTarget is { } target)
                    attributes.Add(new("target", target));
                if (options.LinkRel is { } rel)
                    attributes.Add(new("rel", rel));
                if (writer.StartElement("a", attributes, isVoid: false))
                {
                    writer.Text(text.Substring(link.Start, link.Length));
                    writer.EndElement();
                }
                position = link.Start + link.Length;
            }
        }
        writer.Text(text[position..]);
    }

    /// <summary>
    /// Tabs to spaces at 8-column stops, then every space that starts the line or follows another space becomes a
    /// no-break space, so runs of spaces keep their width while single spaces still let lines wrap.
    /// </summary>
    private static string PreserveSpacing(string line)
    {
        var output = new System.Text.StringBuilder(line.Length + 8);
        var column = 0;
        foreach (var c in line)
        {
            if (c == '\t')
            {
                do
                {
                    AppendSpace(output);
                    column++;
                }
                while (column % 8 != 0);
                continue;
            }
            if (c == ' ')
                AppendSpace(output);
            else
                output.Append(c);
            column++;
        }
        return output.ToString();
    }

    private static void AppendSpace(System.Text.StringBuilder output) =>
        output.Append(output.Length == 0 || output[^1] is ' ' or '\u00A0' ? '\u00A0' : ' ');
}
