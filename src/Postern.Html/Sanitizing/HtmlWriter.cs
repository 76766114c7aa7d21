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
    private readonly Stack<string> _open = new();

    /// <summary>
    /// False until the first element or visible character. White space before that is dropped: the HTML parser
    /// drops it too when the fragment is parsed again, and at the start of a block it is not rendered anyway.
    /// </summary>
    private bool _contentStarted;

    public bool IsFull { get; private set; }

    public int OpenElements => _open.Count;

    /// <summary>Starts an element; false (and nothing written) when the budget is spent.</summary>
    public bool StartElement(string name, IReadOnlyList<KeyValuePair<string, string>> attributes, bool isVoid)
    {
        var length = name.Length + 2;
        foreach (var (attribute, value) in attributes)
            length += attribute.Length + value.Length + 4;
        if (!Reserve(length))
            return false;
        _contentStarted = true;
        _output.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            _output.Append(' ').Append(attribute).Append("=\"");
            Escape(value, s_attributeSpecials);
            _output.Append('"');
        }
        _output.Append('>');
        if (!isVoid)
            _open.Push(name);
        return true;
    }

    /// <summary>Ends the innermost open element (end tags are always written, budget or not).</summary>
    public void EndElement() => _output.Append("</").Append(_open.Pop()).Append('>');

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

    /// <summary>A style sheet already sanitised (it holds no &lt;), inside a style element.</summary>
    public bool StyleSheet(string css)
    {
        if (!Reserve(css.Length + 15))
            return false;
        _output.Append("<style>").Append(css).Append("</style>");
        return true;
    }

    public string Finish()
    {
        while (_open.Count > 0)
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
