using System.Globalization;
using System.Text;
using Postern.Data;

namespace Postern.Templates.Syntax;

/// <summary>Turns the content of one element into tokens (names, numbers, strings, punctuation).</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string source, int start, int end)
    {
        var tokens = new List<Token>();
        var i = start;
        while (true)
        {
            while (i < end && char.IsWhiteSpace(source[i]))
                i++;
            if (i >= end)
            {
                tokens.Add(new Token(TokenKind.End, end, "", 0));
                return tokens;
            }
            var c = source[i];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var wordStart = i;
                while (i < end && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
                    i++;
                tokens.Add(new Token(TokenKind.Identifier, wordStart, source[wordStart..i], 0));
            }
            else if (char.IsAsciiDigit(c))
            {
                var numberStart = i;
                while (i < end && char.IsAsciiDigit(source[i]))
                    i++;
                if (i < end && (char.IsAsciiLetter(source[i]) || source[i] == '_'))
                    throw new SyntaxError("A name cannot start with a digit.", numberStart);
                if (!long.TryParse(source.AsSpan(numberStart, i - numberStart), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    throw new SyntaxError("The number does not fit in 64 bits.", numberStart);
                tokens.Add(new Token(TokenKind.Number, numberStart, "", number));
            }
            else if (c == '"')
            {
                var stringStart = i;
                tokens.Add(new Token(TokenKind.String, stringStart, ReadStrings(source, ref i, end), 0));
            }
            else
            {
                var kind = c switch
                {
                    '(' => TokenKind.LeftParen,
                    ')' => TokenKind.RightParen,
                    '[' => TokenKind.LeftBracket,
                    ']' => TokenKind.RightBracket,
                    '.' => TokenKind.Dot,
                    ',' => TokenKind.Comma,
                    ':' => TokenKind.Colon,
                    '&' => TokenKind.Ampersand,
                    '|' => TokenKind.Pipe,
                    '^' => TokenKind.Caret,
                    '=' when i + 1 < end && source[i + 1] == '=' => TokenKind.EqualEqual,
                    '!' when i + 1 < end && source[i + 1] == '=' => TokenKind.NotEqual,
                    _ => throw new SyntaxError($"Unexpected character '{c}' in an expression.", i),
                };
                tokens.Add(new Token(kind, i, "", 0));
                i += kind is TokenKind.EqualEqual or TokenKind.NotEqual ? 2 : 1;
            }
        }
    }

    /// <summary>Reads a string constant with the data-format escapes; adjacent constants are joined.</summary>
    private static string ReadStrings(string source, ref int i, int end)
    {
        string? first = null;
        StringBuilder? joined = null;
        while (true)
        {
            var quote = i;
            if (!DataSyntax.TryReadQuotedString(source, ref i, out var value, out var error) || i > end)
                throw new SyntaxError(error.Message ?? "The string constant has no closing quotation mark.", error.Message is null ? quote : error.Offset);
            if (first is null)
                first = value;
            else
                (joined ??= new StringBuilder(first)).Append(value);
            var next = i;
            while (next < end && char.IsWhiteSpace(source[next]))
                next++;
            if (next >= end || source[next] != '"')
                return joined?.ToString() ?? first;
            i = next;
        }
    }
}
