namespace Postern.Mime.Parsing;

/// <summary>
/// Reads <c>type/subtype; name=value; …</c> values (RFC 2045 §5.1, RFC 2183 §2) token by token, without allocating.
/// </summary>
/// <remarks>
/// Lenient: comments and folding anywhere, empty parameters (";;"), missing semicolons between
/// parameters, unquoted values with spaces, unterminated quoted strings and parameters without a value.
/// </remarks>
internal ref struct ParameterReader
{
    /// <summary>How deeply comments may nest before the rest is taken as one comment.</summary>
    private const int MaxCommentDepth = 64;

    private readonly ReadOnlySpan<byte> _s;
    private int _pos;

    public ParameterReader(ReadOnlySpan<byte> s)
    {
        _s = s;
        _pos = 0;
    }

    /// <summary>Reads the leading token (a media type or a disposition type).</summary>
    public ReadOnlySpan<byte> ReadToken()
    {
        SkipCfws();
        var start = _pos;
        while (_pos < _s.Length && ByteClasses.Is(_s[_pos], ByteClass.Token))
        {
            _pos++;
        }

        return _s[start.._pos];
    }

    /// <summary>Reads "type/subtype"; the subtype is empty when the slash or the subtype is missing.</summary>
    public void ReadMediaType(out ReadOnlySpan<byte> type, out ReadOnlySpan<byte> subtype)
    {
        type = ReadToken();
        SkipCfws();
        if (_pos < _s.Length && _s[_pos] == (byte)'/')
        {
            _pos++;
            subtype = ReadToken();
        }
        else
        {
            subtype = default;
        }
    }

    /// <summary>Reads the next parameter. <paramref name="quoted"/> tells whether the value may hold quoted-pairs.</summary>
    public bool TryReadParameter(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out bool quoted)
    {
        while (true)
        {
            name = default;
            value = default;
            quoted = false;
            SkipCfws();
            if (_pos >= _s.Length)
            {
                return false;
            }

            if (_s[_pos] == (byte)';')
            {
                _pos++;
                continue;
            }

            var nameStart = _pos;
            while (_pos < _s.Length && ByteClasses.Is(_s[_pos], ByteClass.Token))
            {
                _pos++;
            }

            if (_pos == nameStart)
            {
                _pos++;   // a stray special character: skip it
                continue;
            }

            name = _s[nameStart.._pos];
            SkipCfws();
            if (_pos >= _s.Length || _s[_pos] != (byte)'=')
            {
                SkipTo((byte)';');
                return true;   // a parameter without value, e.g. "X-BE2; 12"
            }

            _pos++;
            SkipCfws();
            if (_pos < _s.Length && _s[_pos] == (byte)'"')
            {
                quoted = true;
                value = ReadQuotedContent();
                return true;
            }

            value = ReadUnquotedValue();
            return true;
        }
    }

    private ReadOnlySpan<byte> ReadQuotedContent()
    {
        var start = ++_pos;
        while (_pos < _s.Length)
        {
            var b = _s[_pos];
            if (b == (byte)'\\' && _pos + 1 < _s.Length)
            {
                _pos += 2;   // RFC 5322 §3.2.1 quoted-pair
                continue;
            }

            if (b == (byte)'"')
            {
                return _s[start.._pos++];
            }

            _pos++;
        }

        return _s[start..];
    }

    /// <summary>
    /// An unquoted value runs to the next ';'. When a parameter follows without its ';' ("a=1 b=2"),
    /// the value stops at the white space before it.
    /// </summary>
    private ReadOnlySpan<byte> ReadUnquotedValue()
    {
        var start = _pos;
        var end = _s[start..].IndexOf((byte)';');
        end = end < 0 ? _s.Length : start + end;
        var value = _s[start..end];
        var missingSemicolon = FindMissingSemicolon(value);
        if (missingSemicolon >= 0)
        {
            end = start + missingSemicolon;
        }

        _pos = end;
        value = _s[start..end].TrimEnd(" \t\r\n"u8);

        // A trailing comment, as in "charset=us-ascii (plain text)", is not part of the value.
        if (!value.IsEmpty && value[^1] == (byte)')')
        {
            var open = value.LastIndexOf(" ("u8);
            if (open > 0)
            {
                value = value[..open].TrimEnd(" \t\r\n"u8);
            }
        }

        return value;
    }

    private static int FindMissingSemicolon(ReadOnlySpan<byte> value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (!ByteClasses.IsFoldingWhitespace(value[i - 1]) || ByteClasses.IsFoldingWhitespace(value[i]))
            {
                continue;
            }

            var j = i;
            while (j < value.Length && ByteClasses.Is(value[j], ByteClass.Token))
            {
                j++;
            }

            if (j > i && j < value.Length && value[j] == (byte)'=')
            {
                return i;
            }
        }

        return -1;
    }

    private void SkipTo(byte stop)
    {
        var i = _s[_pos..].IndexOf(stop);
        _pos = i < 0 ? _s.Length : _pos + i;
    }

    /// <summary>Skips white space, line breaks and comments (RFC 5322 §3.2.2 CFWS).</summary>
    private void SkipCfws()
    {
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
                return;
            }
        }
    }

    private void SkipComment()
    {
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
                return;
            }
        }

        _pos = Math.Min(_pos, _s.Length);
    }
}
