using Postern.Data;
using Postern.Templates.Expressions;
using Postern.Templates.Functions;

namespace Postern.Templates.Syntax;

/// <summary>
/// Recursive-descent parser for the expressions inside one element.
/// </summary>
/// <remarks>
/// Grammar (names and keywords case-insensitive):
/// <code>
/// expression = comparison { ("&amp;" | "|" | "^") comparison }      left to right, one precedence level (as CG/PL)
/// comparison = postfix [ ("==" | "!=") postfix ]
/// postfix    = primary { "." key | "[" expression "]" }
/// primary    = string | number | "(" expression ")" | name "(" arguments ")" | name "[" "]" | name
/// </code>
/// </remarks>
/// <summary>A FOREACH scanner name: <see cref="Key"/> upper-cased for matching, <see cref="Display"/> as written.</summary>
internal readonly record struct ScannerName(string Key, string Display);

internal sealed class ExpressionParser(List<Token> tokens, int maxDepth)
{
    private int _next;
    private int _depth;

    public Token Current => tokens[_next];

    public Token Peek(int ahead = 1) => tokens[Math.Min(_next + ahead, tokens.Count - 1)];

    public Token Advance()
    {
        var token = tokens[_next];
        if (_next < tokens.Count - 1)
            _next++;
        return token;
    }

    public bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
            return false;
        Advance();
        return true;
    }

    public bool AcceptWord(string word)
    {
        if (!Current.IsWord(word))
            return false;
        Advance();
        return true;
    }

    public Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
            throw new SyntaxError($"Expected {what} but found {Current.Describe()}.", Current.Offset);
        return Advance();
    }

    public void ExpectWord(string word, string context)
    {
        if (!AcceptWord(word))
            throw new SyntaxError($"Expected {word} {context} but found {Current.Describe()}.", Current.Offset);
    }

    public void ExpectEnd(string element)
    {
        if (Current.Kind != TokenKind.End)
            throw new SyntaxError($"Unexpected {Current.Describe()} in {element}.", Current.Offset);
    }

    /// <summary>A scanner name: <c>name</c> or <c>name[]</c>.</summary>
    public ScannerName ScannerName(string context)
    {
        var name = Expect(TokenKind.Identifier, $"a scanner name {context}");
        if (Current.Kind == TokenKind.LeftBracket && Peek().Kind == TokenKind.RightBracket)
        {
            Advance();
            Advance();
        }
        return new ScannerName(Normalize(name.Text), name.Text);
    }

    /// <summary>Scanner names are case-insensitive; upper-casing once lets renders compare ordinally.</summary>
    public static string Normalize(string name) => string.Intern(name.ToUpperInvariant());

    public Expression Expression()
    {
        var left = Comparison();
        while (true)
        {
            var op = Current.Kind switch
            {
                TokenKind.Ampersand => LogicalOperator.And,
                TokenKind.Pipe => LogicalOperator.Or,
                TokenKind.Caret => LogicalOperator.ExclusiveOr,
                _ => (LogicalOperator?)null,
            };
            if (op is null)
                return left;
            Advance();
            left = new LogicalExpression(left.Offset, op.Value, left, Comparison());
        }
    }

    private Expression Comparison()
    {
        var left = Postfix();
        if (Current.Kind is not (TokenKind.EqualEqual or TokenKind.NotEqual))
            return left;
        var negate = Advance().Kind == TokenKind.NotEqual;
        return new ComparisonExpression(left.Offset, negate, left, Postfix());
    }

    private Expression Postfix()
    {
        var expression = Primary();
        while (true)
        {
            if (Accept(TokenKind.Dot))
            {
                var key = Advance();
                var name = key.Kind switch
                {
                    TokenKind.Identifier or TokenKind.String => key.Text,
                    TokenKind.Number => key.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => throw new SyntaxError($"Expected a key after '.' but found {key.Describe()}.", key.Offset),
                };
                expression = new KeyedExpression(expression.Offset, expression, name);
            }
            else if (Current.Kind == TokenKind.LeftBracket)
            {
                var open = Advance();
                if (Current.Kind == TokenKind.RightBracket)
                    throw new SyntaxError("[] follows only a scanner name (name[]); write [n] to index an array.", open.Offset);
                var index = Nested();
                Expect(TokenKind.RightBracket, "']'");
                expression = new IndexedExpression(expression.Offset, expression, index);
            }
            else
            {
                return expression;
            }
        }
    }

    private Expression Primary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String:
                Advance();
                return new ConstantExpression(token.Offset, DataString.From(token.Text));
            case TokenKind.Number:
                Advance();
                return new ConstantExpression(token.Offset, new DataNumber(token.Number));
            case TokenKind.LeftParen:
                Advance();
                var inner = Nested();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind == TokenKind.LeftParen)
                    return FunctionCall(token);
                if (Current.Kind == TokenKind.LeftBracket && Peek().Kind == TokenKind.RightBracket)
                {
                    Advance();
                    Advance();
                    return new ScannerExpression(token.Offset, new ScannerName(Normalize(token.Text), token.Text));
                }
                return new DataElementExpression(token.Offset, token.Text);
            default:
                throw new SyntaxError($"Expected an expression but found {token.Describe()}.", token.Offset);
        }
    }

    private Expression Nested()
    {
        if (++_depth > maxDepth)
            throw new SyntaxError($"The expression nests deeper than the limit of {maxDepth}.", Current.Offset);
        var expression = Expression();
        _depth--;
        return expression;
    }

    private FunctionCallExpression FunctionCall(Token name)
    {
        if (!FunctionTable.TryGet(name.Text, out var function))
            throw new SyntaxError($"Unknown function {name.Text}().", name.Offset);
        Advance(); // '('
        var call = function.Shape switch
        {
            ArgumentShape.None => new FunctionCallExpression(name.Offset, function),
            ArgumentShape.Expression => new FunctionCallExpression(name.Offset, function) { Arguments = [Nested()] },
            ArgumentShape.LiteralKey => new FunctionCallExpression(name.Offset, function) { Key = LiteralKey(function) },
            ArgumentShape.Scanner => new FunctionCallExpression(name.Offset, function) { Scanner = ScannerName($"in {function.Name}()") },
            ArgumentShape.Pair => new FunctionCallExpression(name.Offset, function) { Arguments = [Nested(), SeparatorThen(function, Nested)] },
            _ => IndexInScanner(name, function),
        };
        Expect(TokenKind.RightParen, $"')' to close {function.Name}(");
        return call;
    }

    private FunctionCallExpression IndexInScanner(Token name, FunctionDefinition function)
    {
        var index = Nested();
        ExpectWord(function.Separator, $"in {function.Name}(n IN scanner)");
        return new FunctionCallExpression(name.Offset, function) { Arguments = [index], Scanner = ScannerName($"in {function.Name}()") };
    }

    private Expression SeparatorThen(FunctionDefinition function, Func<Expression> next)
    {
        ExpectWord(function.Separator, $"in {function.Name}(a {function.Separator} b)");
        return next();
    }

    private string LiteralKey(FunctionDefinition function)
    {
        var token = Advance();
        return token.Kind is TokenKind.Identifier or TokenKind.String
            ? token.Text
            : throw new SyntaxError($"{function.Name}() takes a key name or a string constant, not {token.Describe()}.", token.Offset);
    }
}
