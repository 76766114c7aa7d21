using System.Buffers;
using System.Text;

namespace Postern.Html.Sanitizing;

/// <summary>
/// Writes the sanitised fragment: tags from the allow-list, escaped attribute values and text, within an output
/// budget. Once the budget is spent nothing more is written except the end tags of elements still open, so the
/// fragment stays well-formed (a start tag is counted before its escaping, so the last one may overrun by a little).
/// </summary>
internal sealed class HtmlWriter(int maxChars)
{
    /// <summary>In text, &amp; and &lt; start markup; &gt; is escaped too so no "-->" or "]]>" appears raw.</summary>
    private static readonly SearchValues<char> s_textSpecials = SearchValues.Create("&<>");

    /// <summary>
    /// In double-quoted attribute values only &amp; and " matter to HTML; &lt; and &gt; are escaped as well, so the
    /// output cannot change meaning if it is ever parsed in another context (mutation XSS).
    /// </summary>
    private static readonly SearchValues<char> s_attributeSpecials = SearchValues.Create("&<>\"");

    /// <summary>ASCII white space as HTML defines it (§2.3.1: tab, LF, FF, CR, space).</summary>
    private static readonly char[] s_htmlWhitespace = ['\t', '\n', '\f', '\r', ' '];

    private readonly StringBuilder _output = new();

    /// <summary>Every element started and not yet ended, innermost last; Closed when an implied end tag came early.</summary>
    private readonly List<(string Name, bool Closed)> _started = [];

    /// <summary>The elements still open in the markup written so far, innermost last (the parser's stack).</summary>
    private readonly List<string> _open = [];

    /// <summary>
    /// False until the first element or visible character. White space before that is dropped: the HTML parser
    /// drops it too when the fragment is parsed again, and at the start of a block it is not rendered anyway.
    /// </summary>
    private bool _contentStarted;

    public bool IsFull { get; private set; }

    /// <summary>
    /// Whether an element may be written here: a table part only inside its own parent, as the parser would put it
    /// (see <see cref="ParserStability"/>).
    /// </summary>
    public bool Fits(string name) => ParserStability.FitsUnder(name, _open.Count > 0 ? _open[^1] : null);

    /// <summary>
    /// Starts an element, first ending the open elements its start tag implicitly ends when parsed (an open
    /// <c>p</c> before a <c>div</c>, say); false (and nothing written) when the budget is spent.
    /// </summary>
    public bool StartElement(string name, IReadOnlyList<KeyValuePair<string, string>> attributes, bool isVoid)
    {
        var length = name.Length + 2;
        foreach (var (attribute, value) in attributes)
            length += attribute.Length + value.Length + 4;
        if (!Reserve(length))
            return false;
        for (var closes = ParserStability.ImpliedCloses(name, _open); closes > 0; closes--)
            CloseInnermostOpen();
        _contentStarted = true;
        _output.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            _output.Append(' ').Append(attribute).Append("=\"");
            Escape(value, s_attributeSpecials);
            _output.Append('"');
        }
        _output.Append('>');
        if (ParserStability.DropsLeadingNewline(name))
            _output.Append('\n');
        if (!isVoid)
        {
            _started.Add((name, false));
            _open.Add(name);
        }
        return true;
    }

    /// <summary>Ends the innermost started element; nothing is written if an implied end tag already ended it.</summary>
    public void EndElement()
    {
        var (name, closed) = _started[^1];
        _started.RemoveAt(_started.Count - 1);
        if (closed)
            return;
        _open.RemoveAt(_open.Count - 1);
        _output.Append("</").Append(name).Append('>');
    }

    /// <summary>Writes the end tag of the innermost open element now and marks it as ended.</summary>
    private void CloseInnermostOpen()
    {
        var index = _started.FindLastIndex(entry => !entry.Closed);
        _started[index] = (_started[index].Name, true);
        _output.Append("</").Append(_open[^1]).Append('>');
        _open.RemoveAt(_open.Count - 1);
    }

    public void Text(string text)
    {
        if (!_contentStarted)
        {
            text = text.TrimStart(s_htmlWhitespace);
            _contentStarted = text.Length > 0;
        }
        if (IsFull || text.Length == 0)
            return;
        var start = _output.Length;
        // Every character writes at least one, so more than the room left can never fit.
        var room = maxChars - start;
        if (room <= 0)
        {
            IsFull = true;
            return;
        }
        Escape(text.AsSpan(0, Math.Min(text.Length, room)), s_textSpecials);
        if (_output.Length <= maxChars && text.Length <= room)
            return;

        // Cut back to the budget, never inside a character reference or a surrogate pair.
        var cut = Math.Min(_output.Length, maxChars);
        for (var i = cut - 1; i >= Math.Max(start, cut - 5); i--)
        {
            if (_output[i] == ';')
                break;
            if (_output[i] == '&')
            {
                cut = i;
                break;
            }
        }
        if (cut > start && char.IsHighSurrogate(_output[cut - 1]))
            cut--;
        _output.Length = cut;
        IsFull = true;
    }

    /// <summary>A style sheet already sanitised (it holds no &lt;), inside a style element, if the budget allows.</summary>
    public void StyleSheet(string css)
    {
        if (Reserve(css.Length + "<style></style>".Length))
            _output.Append("<style>").Append(css).Append("</style>");
    }

    public string Finish()
    {
        while (_started.Count > 0)
            EndElement();
        return _output.ToString();
    }

    private bool Reserve(int length)
    {
        if (IsFull || _output.Length + length > maxChars)
        {
            IsFull = true;
            return false;
        }
        return true;
    }

    private void Escape(ReadOnlySpan<char> text, SearchValues<char> specials)
    {
        while (true)
        {
            var special = text.IndexOfAny(specials);
            if (special < 0)
            {
                _output.Append(text);
                return;
            }
            _output.Append(text[..special]);
            _output.Append(text[special] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&quot;",
            });
            text = text[(special + 1)..];
        }
    }
}
