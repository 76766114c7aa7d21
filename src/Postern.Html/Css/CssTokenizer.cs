using System.Globalization;
using System.Text;

namespace Postern.Html.Css;

/// <summary>
/// CSS Syntax Level 3 §4 tokenizer. Escapes are decoded here, so <c>\65 xpression(</c> reaches the sanitiser
/// as the function <c>expression</c> and <c>url(java\73 cript:…)</c> as <c>javascript:…</c>. Comments are
/// consumed and leave nothing behind.
/// </summary>
internal sealed class CssTokenizer
{
    private readonly string _input;
    private int _position;

    private CssTokenizer(string input)
    {
        _input = CssInput.Preprocess(input);
    }

    public static List<CssToken> Tokenize(string css)
    {
        var tokenizer = new CssTokenizer(css);
        var tokens = new List<CssToken>();
        while (tokenizer.Next() is { } token)
            tokens.Add(token);
        return tokens;
    }

    private char Peek(int ahead = 0) => _position + ahead < _input.Length ? _input[_position + ahead] : '\0';

    private bool AtEnd(int ahead = 0) => _position + ahead >= _input.Length;

    /// <summary>§4.3.1 consume a token; null at the end of the input.</summary>
    private CssToken? Next()
    {
        ConsumeComments();
        if (AtEnd())
            return null;
        var c = _input[_position];
        if (CssInput.IsWhitespace(c))
        {
            while (!AtEnd() && CssInput.IsWhitespace(Peek()))
                _position++;
            return CssToken.Whitespace;
        }
        switch (c)
        {
            case '"' or '\'':
                _position++;
                return ConsumeString(c);
            case '#':
                if (CssInput.IsNameCodePoint(Peek(1)) || IsValidEscape(1))
                {
                    _position++;
                    var isId = WouldStartIdentifier(0);
                    return new CssToken(CssTokenKind.Hash, ConsumeName(), IsIdHash: isId);
                }
                break;
            case '(':
                _position++;
                return new CssToken(CssTokenKind.LeftParen, "(");
            case ')':
                _position++;
                return new CssToken(CssTokenKind.RightParen, ")");
            case '[':
                _position++;
                return new CssToken(CssTokenKind.LeftBracket, "[");
            case ']':
                _position++;
                return new CssToken(CssTokenKind.RightBracket, "]");
            case '{':
                _position++;
                return new CssToken(CssTokenKind.LeftBrace, "{");
            case '}':
                _position++;
                return new CssToken(CssTokenKind.RightBrace, "}");
            case ',':
                _position++;
                return new CssToken(CssTokenKind.Comma, ",");
            case ':':
                _position++;
                return new CssToken(CssTokenKind.Colon, ":");
            case ';':
                _position++;
                return new CssToken(CssTokenKind.Semicolon, ";");
            case '+' or '.':
                if (WouldStartNumber(0))
                    return ConsumeNumeric();
                break;
            case '-':
                if (WouldStartNumber(0))
                    return ConsumeNumeric();
                if (Peek(1) == '-' && Peek(2) == '>')
                {
                    _position += 3;
                    return new CssToken(CssTokenKind.Cdc, "-->");
                }
                if (WouldStartIdentifier(0))
                    return ConsumeIdentLike();
                break;
            case '<':
                if (Peek(1) == '!' && Peek(2) == '-' && Peek(3) == '-')
                {
                    _position += 4;
                    return new CssToken(CssTokenKind.Cdo, "<!--");
                }
                break;
            case '@':
                if (WouldStartIdentifier(1))
                {
                    _position++;
                    return new CssToken(CssTokenKind.AtKeyword, ConsumeName());
                }
                break;
            case '\\':
                if (IsValidEscape(0))
                    return ConsumeIdentLike();
                break;
            default:
                if (char.IsAsciiDigit(c))
                    return ConsumeNumeric();
                if (CssInput.IsNameStartCodePoint(c))
                    return ConsumeIdentLike();
                break;
        }
        _position++;
        return new CssToken(CssTokenKind.Delim, c < s_asciiStrings.Length ? s_asciiStrings[c] : c.ToString());
    }

    /// <summary>One-character strings for ASCII delimiters, so they are not allocated per token.</summary>
    private static readonly string[] s_asciiStrings = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    /// <summary>§4.3.2: comments vanish; an unterminated one runs to the end.</summary>
    private void ConsumeComments()
    {
        while (Peek() == '/' && Peek(1) == '*')
        {
            var end = _input.IndexOf("*/", _position + 2, StringComparison.Ordinal);
            _position = end < 0 ? _input.Length : end + 2;
        }
    }

    /// <summary>§4.3.5 consume a string token; an unescaped newline makes it a bad string.</summary>
    private CssToken ConsumeString(char quote)
    {
        // Most strings have no escapes: take them straight from the input.
        var end = _input.AsSpan(_position).IndexOfAny(quote, '\\', '\n');
        if (end >= 0 && _input[_position + end] == quote)
        {
            var text = _input.Substring(_position, end);
            _position += end + 1;
            return new CssToken(CssTokenKind.String, text);
        }
        var value = new StringBuilder();
        while (!AtEnd())
        {
            var c = _input[_position];
            if (c == quote)
            {
                _position++;
                return new CssToken(CssTokenKind.String, value.ToString());
            }
            if (c == '\n')
                return new CssToken(CssTokenKind.BadString, "");
            _position++;
            if (c != '\\')
                value.Append(c);
            else if (AtEnd())
                break;
            else if (Peek() == '\n')
                _position++;
            else
                AppendEscaped(value);
        }
        return new CssToken(CssTokenKind.String, value.ToString());
    }

    /// <summary>§4.3.3 consume a numeric token.</summary>
    private CssToken ConsumeNumeric()
    {
        var number = ConsumeNumber();
        if (WouldStartIdentifier(0))
            return new CssToken(CssTokenKind.Dimension, number, ConsumeName());
        if (Peek() == '%' && !AtEnd())
        {
            _position++;
            return new CssToken(CssTokenKind.Percentage, number);
        }
        return new CssToken(CssTokenKind.Number, number);
    }

    /// <summary>§4.3.12 consume a number, kept as written: [+-] digits [. digits] [e [+-] digits].</summary>
    private string ConsumeNumber()
    {
        var start = _position;
        if (Peek() is '+' or '-')
            _position++;
        SkipDigits();
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _position++;
            SkipDigits();
        }
        if (Peek() is 'e' or 'E'
            && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _position += 2;
            SkipDigits();
        }
        return _input[start.._position];
    }

    private void SkipDigits()
    {
        while (!AtEnd() && char.IsAsciiDigit(Peek()))
            _position++;
    }

    /// <summary>§4.3.4 consume an ident-like token: an identifier, a function, or <c>url(</c> with an unquoted URL.</summary>
    private CssToken ConsumeIdentLike()
    {
        var name = ConsumeName();
        if (Peek() != '(' || AtEnd())
            return new CssToken(CssTokenKind.Ident, name);
        _position++;
        if (!name.Equals("url", StringComparison.OrdinalIgnoreCase))
            return new CssToken(CssTokenKind.Function, name);

        while (CssInput.IsWhitespace(Peek()) && CssInput.IsWhitespace(Peek(1)))
            _position++;
        var next = CssInput.IsWhitespace(Peek()) ? Peek(1) : Peek();
        return next is '"' or '\'' ? new CssToken(CssTokenKind.Function, name) : ConsumeUrl();
    }

    /// <summary>§4.3.6 consume a url token.</summary>
    private CssToken ConsumeUrl()
    {
        var value = new StringBuilder();
        while (!AtEnd() && CssInput.IsWhitespace(Peek()))
            _position++;
        while (!AtEnd())
        {
            var c = _input[_position++];
            if (c == ')')
                return new CssToken(CssTokenKind.Url, value.ToString());
            if (CssInput.IsWhitespace(c))
            {
                while (!AtEnd() && CssInput.IsWhitespace(Peek()))
                    _position++;
                if (AtEnd() || Peek() == ')')
                    continue;
                return ConsumeBadUrlRemnants();
            }
            if (c is '"' or '\'' or '(' || CssInput.IsNonPrintable(c))
                return ConsumeBadUrlRemnants();
            if (c == '\\')
            {
                _position--;
                if (!IsValidEscape(0))
                    return ConsumeBadUrlRemnants();
                _position++;
                AppendEscaped(value);
                continue;
            }
            value.Append(c);
        }
        return new CssToken(CssTokenKind.Url, value.ToString());
    }

    /// <summary>§4.3.14: skip to the closing parenthesis, honouring escapes.</summary>
    private CssToken ConsumeBadUrlRemnants()
    {
        while (!AtEnd())
        {
            if (Peek() == ')')
            {
                _position++;
                break;
            }
            if (IsValidEscape(0))
            {
                _position++;
                AppendEscaped(new StringBuilder());
            }
            else
                _position++;
        }
        return new CssToken(CssTokenKind.BadUrl, "");
    }

    /// <summary>§4.3.11 consume an ident sequence.</summary>
    private string ConsumeName()
    {
        // Most names have no escapes: take them straight from the input.
        var start = _position;
        while (!AtEnd() && CssInput.IsNameCodePoint(Peek()))
            _position++;
        if (AtEnd() || !IsValidEscape(0))
            return _input[start.._position];

        var name = new StringBuilder(_input, start, _position - start, _position - start + 16);
        while (!AtEnd())
        {
            var c = Peek();
            if (CssInput.IsNameCodePoint(c))
            {
                name.Append(c);
                _position++;
            }
            else if (IsValidEscape(0))
            {
                _position++;
                AppendEscaped(name);
            }
            else
                break;
        }
        return name.ToString();
    }

    /// <summary>§4.3.7 consume an escaped code point (the backslash already consumed).</summary>
    private void AppendEscaped(StringBuilder target)
    {
        if (AtEnd())
        {
            target.Append('\uFFFD');
            return;
        }
        if (!char.IsAsciiHexDigit(Peek()))
        {
            target.Append(_input[_position++]);
            return;
        }
        var start = _position;
        while (_position - start < 6 && !AtEnd() && char.IsAsciiHexDigit(Peek()))
            _position++;
        var code = int.Parse(_input.AsSpan(start, _position - start), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (!AtEnd() && CssInput.IsWhitespace(Peek()))
            _position++;
        if (code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
            target.Append('\uFFFD');
        else
            target.Append(char.ConvertFromUtf32(code));
    }

    /// <summary>§4.3.8: a backslash not followed by a newline.</summary>
    private bool IsValidEscape(int offset) => Peek(offset) == '\\' && !AtEnd(offset) && (AtEnd(offset + 1) || Peek(offset + 1) != '\n');

    /// <summary>§4.3.9 check if three code points would start an ident sequence.</summary>
    private bool WouldStartIdentifier(int offset)
    {
        if (AtEnd(offset))
            return false;
        var c = Peek(offset);
        if (c == '-')
            return (!AtEnd(offset + 1) && (CssInput.IsNameStartCodePoint(Peek(offset + 1)) || Peek(offset + 1) == '-')) || IsValidEscape(offset + 1);
        if (c == '\\')
            return IsValidEscape(offset);
        return CssInput.IsNameStartCodePoint(c);
    }

    /// <summary>§4.3.10 check if three code points would start a number.</summary>
    private bool WouldStartNumber(int offset)
    {
        var c = Peek(offset);
        if (c is '+' or '-')
            return char.IsAsciiDigit(Peek(offset + 1)) || (Peek(offset + 1) == '.' && char.IsAsciiDigit(Peek(offset + 2)));
        if (c == '.')
            return char.IsAsciiDigit(Peek(offset + 1));
        return char.IsAsciiDigit(c) && !AtEnd(offset);
    }
}
