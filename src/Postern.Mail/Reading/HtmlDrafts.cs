using System.Text;
using Postern.Mime.Writing;

namespace Postern.Mail.Reading;

/// <summary>
/// Turns a plain-text reply or forward draft into an HTML one (XIMSS <c>replyFromHTML</c>, <c>replyAllHTML</c>,
/// <c>forwardHTML</c>): the text becomes escaped HTML, and quoted lines (<c>&gt; </c>) become nested
/// <c>&lt;blockquote type="cite"&gt;</c> blocks, the form mail editors show as a quotation.
/// </summary>
/// <remarks>
/// The quoted original is its text, never its markup: nothing a received message contains (script,
/// styles, forms, remote images) reaches the editor the draft is opened in.
/// </remarks>
public static class HtmlDrafts
{
    /// <summary>Replaces the draft's text body (the body, or the first part of its multipart/mixed) with HTML.</summary>
    public static void ConvertToHtml(ComposedMessage draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        switch (draft.Body)
        {
            case ComposedText { Subtype: "plain" } text:
                draft.Body = ToHtmlPart(text);
                break;
            case ComposedMultipart { Subtype: "mixed" } mixed when mixed.Parts.Count > 0 && mixed.Parts[0] is ComposedText { Subtype: "plain" } first:
                mixed.Parts[0] = ToHtmlPart(first);
                break;
        }
    }

    /// <summary>
    /// Plain text as an HTML document: every character escaped, lines separated by <c>&lt;br&gt;</c>, runs of
    /// lines quoted with <c>&gt;</c> (RFC 3676 §4.5) inside one <c>blockquote</c> per quotation level.
    /// </summary>
    public static string FromQuotedText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder("<html><body>");
        var depth = 0;
        var lineOpen = false;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var (level, content) = Unquote(line);
            if (level != depth)
            {
                for (; depth < level; depth++)
                    html.Append("<blockquote type=\"cite\">");
                for (; depth > level; depth--)
                    html.Append("</blockquote>");
            }
            else if (lineOpen)
            {
                html.Append("<br>");
            }
            AppendEscaped(html, content);
            lineOpen = true;
        }
        for (; depth > 0; depth--)
            html.Append("</blockquote>");
        return html.Append("</body></html>").ToString();
    }

    /// <summary>Escapes the characters that are markup in text and attribute values; every other character stays as it is (the draft is UTF-8).</summary>
    private static void AppendEscaped(StringBuilder html, string text)
    {
        foreach (var c in text)
        {
            var escaped = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (escaped is null)
                html.Append(c);
            else
                html.Append(escaped);
        }
    }

    private static ComposedText ToHtmlPart(ComposedText text)
    {
        var html = new ComposedText(FromQuotedText(text.Text), "html")
        {
            Disposition = text.Disposition,
            ContentId = text.ContentId,
            Description = text.Description,
        };
        return html;
    }

    /// <summary>The quotation level of a line (<c>&gt;&gt; x</c> and <c>&gt; &gt; x</c> are both 2) and its text without the markers.</summary>
    private static (int Level, string Content) Unquote(string line)
    {
        var level = 0;
        var position = 0;
        while (position < line.Length && line[position] == '>')
        {
            level++;
            position++;
            if (position < line.Length && line[position] == ' ')
                position++;
        }
        return (level, line[position..]);
    }
}
