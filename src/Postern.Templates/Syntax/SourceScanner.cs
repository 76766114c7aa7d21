namespace Postern.Templates.Syntax;

/// <summary>
/// Splits a WSSP file into literal text, text elements (<c>%%…%%</c>) and structural elements
/// (<c>&lt;!--%%…--&gt;</c>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Only <c>%%</c> and <c>&lt;!--%%</c> are special. A lone <c>%</c> (<c>width="100%"</c>) and
/// ordinary comments (<c>&lt;!-- … --&gt;</c>, <c>&lt;!--[if IE]&gt;</c>) pass through, and text
/// elements inside ordinary comments and inside tags are still expanded.</item>
/// <item>A text element ends at the first <c>%%</c> outside a quoted string, so adjacent elements
/// (<c>%%a%%%%b%%</c>) split correctly; it must close on the line it opens on.</item>
/// <item>A structural element ends at the first <c>--&gt;</c> outside a quoted string and may span
/// lines.</item>
/// </list>
/// </remarks>
internal static class SourceScanner
{
    private const string StructuralOpen = "<!--%%";

    public static List<Segment> Scan(string source)
    {
        var segments = new List<Segment>();
        var position = 0;
        while (position < source.Length)
        {
            var marker = source.IndexOf("%%", position, StringComparison.Ordinal);
            if (marker < 0)
            {
                segments.Add(new Segment(SegmentKind.Text, position, position, source.Length));
                break;
            }
            var structural = marker - 4 >= position
                && string.CompareOrdinal(source, marker - 4, StructuralOpen, 0, StructuralOpen.Length) == 0;
            var start = structural ? marker - 4 : marker;
            if (start > position)
                segments.Add(new Segment(SegmentKind.Text, position, position, start));

            var contentStart = marker + 2;
            if (structural)
            {
                var close = FindClose(source, contentStart, "-->", stopAtLineEnd: false);
                if (close < 0)
                    throw new SyntaxError("The structural element <!--%% is not closed with -->.", start);
                segments.Add(new Segment(SegmentKind.StructuralElement, start, contentStart, close));
                position = close + 3;
            }
            else
            {
                var close = FindClose(source, contentStart, "%%", stopAtLineEnd: true);
                if (close < 0)
                    throw new SyntaxError("The text element %% is not closed with %% on the same line.", start);
                segments.Add(new Segment(SegmentKind.TextElement, start, contentStart, close));
                position = close + 2;
            }
        }
        return segments;
    }

    /// <summary>The offset of <paramref name="terminator"/> outside quoted strings, or -1.</summary>
    private static int FindClose(string source, int from, string terminator, bool stopAtLineEnd)
    {
        var i = from;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '"')
            {
                i = SkipQuoted(source, i, stopAtLineEnd);
                if (i < 0)
                    return -1;
                continue;
            }
            if (stopAtLineEnd && c is '\r' or '\n')
                return -1;
            if (c == terminator[0] && string.CompareOrdinal(source, i, terminator, 0, terminator.Length) == 0)
                return i;
            i++;
        }
        return -1;
    }

    private static int SkipQuoted(string source, int quote, bool stopAtLineEnd)
    {
        for (var i = quote + 1; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\')
                i++;
            else if (c == '"')
                return i + 1;
            else if (stopAtLineEnd && c is '\r' or '\n')
                return -1;
        }
        return -1;
    }
}
