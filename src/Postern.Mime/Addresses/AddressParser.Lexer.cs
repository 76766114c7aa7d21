using Postern.Mime.Parsing;

namespace Postern.Mime.Addresses;

/// <summary>Reading atoms, quoted strings and comments (RFC 5322 §3.2).</summary>
internal ref partial struct AddressParser
{
    private Range ReadAtom()
    {
        var start = _pos;
        while (_pos < _s.Length && ByteClasses.Is(_s[_pos], ByteClass.AtomText))
        {
            _pos++;
        }

        return new Range(start, _pos);
    }

    /// <summary>Reads a quoted string and returns the range of its content; an unclosed one runs to the end.</summary>
    private Range ReadQuoted()
    {
        var start = ++_pos;
        while (_pos < _s.Length)
        {
            var b = _s[_pos];
            if (b == (byte)'\\' && _pos + 1 < _s.Length)
            {
                _pos += 2;
                continue;
            }

            if (b == (byte)'"')
            {
                return new Range(start, _pos++);
            }

            _pos++;
        }

        return new Range(start, _pos);
    }

    private void SkipTo(byte stop)
    {
        var i = _s[_pos..].IndexOfAny(stop, (byte)',');
        _pos = i < 0 ? _s.Length : _pos + i;
    }

    /// <summary>Skips CFWS (RFC 5322 §3.2.2), remembering the last comment; answers whether anything was skipped.</summary>
    private bool SkipCfws()
    {
        var start = _pos;
        while (_pos < _s.Length)
        {
            var b = _s[_pos];
            if (ByteClasses.IsFoldingWhitespace(b))
            {
                _pos++;
            }
            else if (b == (byte)'(')
            {
                SkipComment();
            }
            else
            {
                break;
            }
        }

        return _pos > start;
    }

    private void SkipComment()
    {
        var contentStart = _pos + 1;
        var depth = 0;
        while (_pos < _s.Length)
        {
            var b = _s[_pos++];
            if (b == (byte)'\\')
            {
                _pos++;
            }
            else if (b == (byte)'(' && depth < MaxCommentDepth)
            {
                depth++;
            }
            else if (b == (byte)')' && --depth == 0)
            {
                _commentStart = contentStart;
                _commentEnd = _pos - 1;
                return;
            }
        }

        _pos = Math.Min(_pos, _s.Length);
        _commentStart = contentStart;
        _commentEnd = _pos;
    }
}
