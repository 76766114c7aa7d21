using System.Text;

namespace Postern.Html.Text;

/// <summary>
/// Builds plain text from a walk over HTML: collapses white space as a browser would, turns block boundaries
/// into line breaks and blank lines, and prefixes lines inside quotations with <c>&gt;</c> marks. Stops at a
/// character budget.
/// </summary>
internal sealed class PlainTextBuilder(int maxChars)
{
    private readonly StringBuilder _output = new();
    private int _pendingBreaks;
    private bool _pendingSpace;
    private bool _atLineStart = true;
    private int _lineDepth;

    public int QuoteDepth { get; set; }

    public bool IsFull => _output.Length >= maxChars;

    public int Length => _output.Length;

    public string Substring(int start) => _output.ToString(start, _output.Length - start);

    /// <summary>Text of an element's content; white space collapses unless <paramref name="preformatted"/>.</summary>
    public void Text(string text, bool preformatted)
    {
        foreach (var c in text)
        {
            if (IsFull)
                return;
            if (preformatted && c == '\n')
                LineBreak();
            else if (!preformatted && char.IsWhiteSpace(c) && c != '\u00A0')
                _pendingSpace = true;
            else
            {
                Flush();
                if (_pendingSpace)
                    _output.Append(' ');
                _pendingSpace = false;
                _output.Append(c == '\u00A0' ? ' ' : c);
            }
        }
    }

    /// <summary>A block boundary: at least <paramref name="lines"/> line breaks before the next text (2 makes a blank line).</summary>
    public void Block(int lines)
    {
        if (_output.Length > 0)
            _pendingBreaks = Math.Max(_pendingBreaks, lines);
        _pendingSpace = false;
    }

    /// <summary>A <c>&lt;br&gt;</c>: one more line break, so two in a row leave a blank line.</summary>
    public void LineBreak()
    {
        _pendingBreaks = Math.Min(_pendingBreaks + 1, 2);
        _pendingSpace = false;
    }

    /// <summary>Separates table cells on one line.</summary>
    public void Space() => _pendingSpace = true;

    public override string ToString() => _output.ToString().TrimEnd();

    /// <summary>Writes the pending line breaks, each new line starting with the quotation marks.</summary>
    private void Flush()
    {
        if (_pendingBreaks > 0 && _output.Length > 0)
        {
            for (var i = 0; i < _pendingBreaks; i++)
            {
                TrimTrailingSpaces();
                _output.Append('\n');
                // A blank line keeps the marks of the quotation it sits in (the shallower side at a boundary).
                if (i < _pendingBreaks - 1)
                    _output.Append('>', Math.Min(_lineDepth, QuoteDepth));
            }
            _atLineStart = true;
        }
        _pendingBreaks = 0;
        if (_atLineStart && QuoteDepth > 0)
            _output.Append('>', QuoteDepth).Append(' ');
        if (_atLineStart)
            _lineDepth = QuoteDepth;
        if (_atLineStart)
            _pendingSpace = false;
        _atLineStart = false;
    }

    private void TrimTrailingSpaces()
    {
        while (_output.Length > 0 && _output[^1] == ' ')
            _output.Length--;
    }
}
