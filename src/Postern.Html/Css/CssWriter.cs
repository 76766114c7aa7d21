using System.Globalization;
using System.Text;

namespace Postern.Html.Css;

/// <summary>
/// Writes component values back as CSS that tokenizes to the same tokens (CSS Syntax Level 3 §9), escaping
/// names and strings. The text never holds a <c>&lt;</c>, so it can sit inside a <c>&lt;style&gt;</c>
/// element (whose content ends at <c>&lt;/style</c>) as well as in a <c>style</c> attribute.
/// </summary>
internal sealed class CssWriter(StringBuilder output)
{
    private CssToken? _last;

    /// <summary>Text the caller vouches for (a validated container selector, punctuation); starts a fresh token run.</summary>
    public void WriteRaw(string text)
    {
        output.Append(text);
        _last = null;
    }

    public void Write(IEnumerable<CssComponent> components)
    {
        foreach (var component in components)
            Write(component);
    }

    public void Write(CssComponent component)
    {
        switch (component)
        {
            case CssTokenComponent token:
                Write(token.Token);
                break;
            case CssFunction function:
                Write(new CssToken(CssTokenKind.Function, function.Name));
                Write(function.Arguments);
                Write(new CssToken(CssTokenKind.RightParen, ")"));
                break;
            case CssBlock block:
                var (open, close) = block.Open switch
                {
                    CssTokenKind.LeftParen => (CssTokenKind.LeftParen, CssTokenKind.RightParen),
                    CssTokenKind.LeftBracket => (CssTokenKind.LeftBracket, CssTokenKind.RightBracket),
                    _ => (CssTokenKind.LeftBrace, CssTokenKind.RightBrace),
                };
                Write(new CssToken(open, ""));
                Write(block.Children);
                Write(new CssToken(close, ""));
                break;
        }
    }

    public void Write(CssToken token)
    {
        if (_last is { } last && NeedsSeparator(last, token))
            output.Append("/**/");
        _last = token;
        switch (token.Kind)
        {
            case CssTokenKind.Ident:
                WriteIdentifier(token.Value);
                break;
            case CssTokenKind.Function:
                WriteIdentifier(token.Value);
                output.Append('(');
                break;
            case CssTokenKind.AtKeyword:
                output.Append('@');
                WriteIdentifier(token.Value);
                break;
            case CssTokenKind.Hash:
                output.Append('#');
                if (token.IsIdHash)
                    WriteIdentifier(token.Value);
                else
                    WriteName(token.Value, 0);
                break;
            case CssTokenKind.String:
                WriteString(token.Value);
                break;
            case CssTokenKind.Url:
                output.Append("url(");
                WriteString(token.Value);
                output.Append(')');
                break;
            case CssTokenKind.Number:
                output.Append(token.Value);
                break;
            case CssTokenKind.Percentage:
                output.Append(token.Value).Append('%');
                break;
            case CssTokenKind.Dimension:
                output.Append(token.Value);
                WriteUnit(token.Unit);
                break;
            case CssTokenKind.Delim:
                // A delimiter '<' could start "</style"; '\' would turn into an escape. Neither is ever written.
                if (token.Value is not ("<" or "\\"))
                    output.Append(token.Value);
                break;
            case CssTokenKind.Whitespace:
                output.Append(' ');
                break;
            case CssTokenKind.Colon:
                output.Append(':');
                break;
            case CssTokenKind.Semicolon:
                output.Append(';');
                break;
            case CssTokenKind.Comma:
                output.Append(',');
                break;
            case CssTokenKind.LeftBracket:
                output.Append('[');
                break;
            case CssTokenKind.RightBracket:
                output.Append(']');
                break;
            case CssTokenKind.LeftParen:
                output.Append('(');
                break;
            case CssTokenKind.RightParen:
                output.Append(')');
                break;
            case CssTokenKind.LeftBrace:
                output.Append('{');
                break;
            case CssTokenKind.RightBrace:
                output.Append('}');
                break;
        }
    }

    /// <summary>CSSOM §2.1 serialize an identifier, with hex escapes for everything outside name characters.</summary>
    private void WriteIdentifier(string value)
    {
        if (value == "-")
        {
            output.Append("\\-");
            return;
        }
        var start = 0;
        if (value.Length > 0 && char.IsAsciiDigit(value[0]))
        {
            WriteHexEscape(value[0]);
            start = 1;
        }
        else if (value.Length > 1 && value[0] == '-' && char.IsAsciiDigit(value[1]))
        {
            output.Append('-');
            WriteHexEscape(value[1]);
            start = 2;
        }
        WriteName(value, start);
    }

    private void WriteName(string value, int start)
    {
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (CssInput.IsNameCodePoint(c))
                output.Append(c);
            else
                WriteHexEscape(c);
        }
    }

    /// <summary>A unit must not read as an exponent: "1" then "e3" would come back as the number 1e3.</summary>
    private void WriteUnit(string unit)
    {
        if (unit.Length > 1 && unit[0] is ('e' or 'E') && (char.IsAsciiDigit(unit[1]) || unit[1] is ('+' or '-')))
        {
            WriteHexEscape(unit[0]);
            WriteName(unit, 1);
        }
        else
            WriteIdentifier(unit);
    }

    private void WriteString(string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                output.Append('\\').Append(c);
            else if (c < ' ' || c is '\u007F' or '<' or '>' or '&')
                WriteHexEscape(c);
            else
                output.Append(c);
        }
        output.Append('"');
    }

    /// <summary>§4.3.7 in reverse: backslash, hex digits, and a space that ends the escape.</summary>
    private void WriteHexEscape(char c) =>
        output.Append('\\').Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append(' ');

    /// <summary>
    /// §9: pairs of tokens that would run together when written side by side get an empty comment between them.
    /// The table here is a little wider than the specification's; an extra comment is harmless.
    /// </summary>
    private static bool NeedsSeparator(CssToken first, CssToken second)
    {
        var wordLike = second.Kind is CssTokenKind.Ident or CssTokenKind.Function or CssTokenKind.Url or CssTokenKind.BadUrl
            or CssTokenKind.Number or CssTokenKind.Percentage or CssTokenKind.Dimension or CssTokenKind.Cdc;
        var numeric = second.Kind is CssTokenKind.Number or CssTokenKind.Percentage or CssTokenKind.Dimension;
        return first.Kind switch
        {
            CssTokenKind.Ident => wordLike || second.IsDelim('-') || second.Kind == CssTokenKind.LeftParen,
            CssTokenKind.AtKeyword or CssTokenKind.Hash or CssTokenKind.Dimension => wordLike || second.IsDelim('-'),
            CssTokenKind.Number => wordLike || second.IsDelim('%'),
            CssTokenKind.Delim => first.Value switch
            {
                "#" or "-" or "@" => wordLike || second.IsDelim('-'),
                "." or "+" => numeric,
                "/" => second.IsDelim('*'),
                _ => false,
            },
            _ => false,
        };
    }
}
