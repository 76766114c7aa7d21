namespace Postern.Html.Text;

/// <summary>Splits a text part into displayed lines with their quotation depth, for fixed and flowed text.</summary>
internal static class TextLines
{
    /// <summary>
    /// Fixed (ordinary) text: one displayed line per line. Quote marks may be separated by single spaces
    /// (<c>&gt; &gt; text</c>), as mail programs write them; one space after the last mark is part of the marking.
    /// </summary>
    public static IEnumerable<TextLine> Fixed(string text)
    {
        foreach (var line in PhysicalLines(text))
        {
            var depth = 0;
            var position = 0;
            while (position < line.Length && line[position] == '>')
            {
                depth++;
                position++;
                if (position + 1 < line.Length && line[position] == ' ' && line[position + 1] == '>')
                    position++;
            }
            if (depth > 0 && position < line.Length && line[position] == ' ')
                position++;
            yield return new TextLine(depth, line[position..]);
        }
    }

    /// <summary>
    /// RFC 3676 format=flowed: a line ending in a space is soft-broken and joins the next (§4.1), except the
    /// signature separator "-- " (§4.3); the quote depth is the count of leading '&gt;' (§4.5) and one space after it
    /// is space-stuffing (§4.4); a flowed line followed by a different quote depth ends its paragraph (§4.5);
    /// with DelSp=yes the trailing space goes when lines are joined (§4.2).
    /// </summary>
    public static IEnumerable<TextLine> Flowed(string text, bool delSp)
    {
        var paragraph = new System.Text.StringBuilder();
        var paragraphDepth = -1;
        foreach (var line in PhysicalLines(text))
        {
            var depth = 0;
            while (depth < line.Length && line[depth] == '>')
                depth++;
            var content = line[depth..];
            if (content.StartsWith(' '))
                content = content[1..];

            if (paragraphDepth >= 0 && paragraphDepth != depth)
            {
                yield return new TextLine(paragraphDepth, paragraph.ToString());
                paragraph.Clear();
            }
            paragraphDepth = depth;
            var flowed = content.EndsWith(' ') && content != "-- ";
            paragraph.Append(flowed && delSp ? content[..^1] : content);
            if (!flowed)
            {
                yield return new TextLine(depth, paragraph.ToString());
                paragraph.Clear();
                paragraphDepth = -1;
            }
        }
        if (paragraphDepth >= 0)
            yield return new TextLine(paragraphDepth, paragraph.ToString());
    }

    /// <summary>Lines split at CRLF, LF or CR; the empty line after a final line break is not a line.</summary>
    private static IEnumerable<string> PhysicalLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                yield return text[start..];
                yield break;
            }
            yield return text.Substring(start, end);
            start += end + (text[start + end] == '\r' && start + end + 1 < text.Length && text[start + end + 1] == '\n' ? 2 : 1);
        }
    }
}
