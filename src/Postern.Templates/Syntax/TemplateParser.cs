using Postern.Data;
using Postern.Templates.Expressions;
using Postern.Templates.Menus;
using Postern.Templates.Rendering;
using Postern.Templates.Tree;

namespace Postern.Templates.Syntax;

/// <summary>
/// Builds the immutable tree of a WSSP file from its segments: text elements become output nodes, and
/// structural elements open and close IF and FOREACH blocks.
/// </summary>
internal sealed class TemplateParser
{
    private readonly string _source;
    private readonly List<Segment> _segments;
    private readonly int _maxDepth;
    private int _next;
    private int _depth;

    private TemplateParser(string source, List<Segment> segments, int maxDepth)
    {
        _source = source;
        _segments = segments;
        _maxDepth = maxDepth;
    }

    public static TemplateNode[] Parse(string source, int maxDepth)
    {
        var parser = new TemplateParser(source, SourceScanner.Scan(source), maxDepth);
        var nodes = parser.Block(out var end);
        if (end is not null)
            throw new SyntaxError($"{end.Keyword} without a matching {OpenerOf(end.Keyword)}.", end.Offset);
        return nodes;
    }

    /// <summary>A structural element that ends a block (ELIF, ELSE, ENDIF, EMPTYFOR, ENDFOR), as parsed.</summary>
    private sealed record BlockEnd(string Keyword, int Offset, ExpressionParser Parser);

    private static string OpenerOf(string keyword) => keyword is "ENDFOR" or "EMPTYFOR" ? "FOREACH" : "IF";

    private TemplateNode[] Block(out BlockEnd? end)
    {
        var nodes = new List<TemplateNode>();
        while (_next < _segments.Count)
        {
            var segment = _segments[_next++];
            switch (segment.Kind)
            {
                case SegmentKind.Text:
                    nodes.Add(new TextNode(segment.Start, _source[segment.ContentStart..segment.ContentEnd]));
                    break;
                case SegmentKind.TextElement:
                    nodes.Add(TextElement(segment));
                    break;
                default:
                    var node = StructuralElement(segment, out end);
                    if (end is not null)
                        return [.. nodes];
                    nodes.Add(node!);
                    break;
            }
        }
        end = null;
        return [.. nodes];
    }

    private OutputNode TextElement(Segment segment)
    {
        var parser = new ExpressionParser(Tokenizer.Tokenize(_source, segment.ContentStart, segment.ContentEnd), _maxDepth);
        if (parser.Current.Kind == TokenKind.End)
            throw new SyntaxError("The text element %%%% is empty.", segment.Start);

        var prefix = TextPrefix.None;
        Expression? argument = null;
        var first = parser.Current;
        if (first.Kind == TokenKind.Identifier && TextPrefixTable.TryGet(first.Text, out var named))
        {
            var next = parser.Peek();
            if (TextPrefixTable.TakesArgument(named) && next.Kind == TokenKind.LeftParen)
            {
                parser.Advance();
                parser.Advance();
                argument = parser.Expression();
                parser.Expect(TokenKind.RightParen, $"')' after the {first.Text.ToUpperInvariant()}( argument");
                parser.Expect(TokenKind.Colon, $"':' after {first.Text.ToUpperInvariant()}(…)");
                prefix = named;
            }
            else if (!TextPrefixTable.TakesArgument(named) && next.Kind == TokenKind.Colon)
            {
                parser.Advance();
                parser.Advance();
                prefix = named;
            }
        }
        var value = parser.Expression();
        parser.ExpectEnd("a text element");
        return new OutputNode(segment.Start, prefix, argument, value);
    }

    /// <summary>Parses one structural element: a complete node, or (with <paramref name="end"/> set) a block end.</summary>
    private TemplateNode? StructuralElement(Segment segment, out BlockEnd? end)
    {
        end = null;
        var parser = new ExpressionParser(Tokenizer.Tokenize(_source, segment.ContentStart, segment.ContentEnd), _maxDepth);
        var keywordToken = parser.Current;
        if (keywordToken.Kind != TokenKind.Identifier)
            throw new SyntaxError($"Expected a keyword (IF, FOREACH, INCLUDE…) after <!--%% but found {keywordToken.Describe()}.", keywordToken.Offset);
        parser.Advance();
        var keyword = keywordToken.Text.ToUpperInvariant();
        switch (keyword)
        {
            case "IF":
                return If(segment, parser);
            case "FOREACH" or "FOREACHREV" or "FOREACHINC" or "FORALL":
                return Loop(segment, keyword, parser);
            case "ELIF" or "ELSE" or "ENDIF" or "ENDFOR":
                end = new BlockEnd(keyword, segment.Start, parser);
                return null;
            case "EMPTYFOR" or "EMTPYFOR": // the WSSP documentation spells it both ways
                end = new BlockEnd("EMPTYFOR", segment.Start, parser);
                return null;
            case "INCLUDE":
                return Include(segment, parser);
            case "CALENDARDATECONTROL" or "LOCALCALENDARDATECONTROL":
                var fieldName = parser.Expression();
                parser.Expect(TokenKind.Comma, $"',' between the field name and the date in {keyword}");
                var date = parser.Expression();
                parser.ExpectEnd(keyword);
                return new DateControlNode(segment.Start, keyword.StartsWith("LOCAL", StringComparison.Ordinal), fieldName, date);
        }
        if (MenuSyntax.TryGet(keyword, out var menu))
            return Menu(segment, keyword, menu, parser);
        throw new SyntaxError($"Unknown structural element {keywordToken.Text}.", keywordToken.Offset);
    }

    private IfNode If(Segment segment, ExpressionParser header)
    {
        EnterBlock(segment);
        var branches = new List<(Expression, TemplateNode[])>();
        var condition = header.Expression();
        header.ExpectEnd("IF");
        while (true)
        {
            var body = Block(out var end);
            branches.Add((condition, body));
            switch (end?.Keyword)
            {
                case "ELIF":
                    condition = end.Parser.Expression();
                    end.Parser.ExpectEnd("ELIF");
                    continue;
                case "ELSE":
                    end.Parser.ExpectEnd("ELSE");
                    var otherwise = Block(out var final);
                    if (final?.Keyword != "ENDIF")
                        throw Unclosed("IF", "ENDIF", segment, final);
                    final.Parser.ExpectEnd("ENDIF");
                    _depth--;
                    return new IfNode(segment.Start, branches, otherwise);
                case "ENDIF":
                    end.Parser.ExpectEnd("ENDIF");
                    _depth--;
                    return new IfNode(segment.Start, branches, []);
                default:
                    throw Unclosed("IF", "ENDIF", segment, end);
            }
        }
    }

    private LoopNode Loop(Segment segment, string keyword, ExpressionParser header)
    {
        EnterBlock(segment);
        var scanner = header.ScannerName($"after {keyword}");
        header.ExpectWord("IN", $"after {keyword} {scanner.Display}");
        var collection = header.Expression();
        header.ExpectEnd(keyword);

        var body = Block(out var end);
        TemplateNode[] empty = [];
        if (end?.Keyword == "EMPTYFOR")
        {
            CloseScanner(end, scanner, "EMPTYFOR");
            empty = Block(out end);
        }
        if (end?.Keyword != "ENDFOR")
            throw Unclosed(keyword, "ENDFOR", segment, end);
        CloseScanner(end, scanner, "ENDFOR");
        _depth--;
        var kind = keyword switch
        {
            "FOREACHREV" => LoopKind.ForEachReverse,
            "FOREACHINC" => LoopKind.ForEachIndex,
            "FORALL" => LoopKind.ForAll,
            _ => LoopKind.ForEach,
        };
        return new LoopNode(segment.Start, kind, scanner.Key, collection, body, empty);
    }

    /// <summary>ENDFOR and EMPTYFOR may repeat the scanner name; when they do, it must match.</summary>
    private static void CloseScanner(BlockEnd end, ScannerName scanner, string keyword)
    {
        var parser = end.Parser;
        if (parser.Current.Kind == TokenKind.Identifier)
        {
            var at = parser.Current.Offset;
            var named = parser.ScannerName($"after {keyword}");
            if (named.Key != scanner.Key)
                throw new SyntaxError($"{keyword} {named.Display} does not match the open FOREACH {scanner.Display}.", at);
        }
        parser.ExpectEnd(keyword);
    }

    private IncludeNode Include(Segment segment, ExpressionParser parser)
    {
        var fileName = parser.Expression();
        var arguments = new List<Expression>();
        if (parser.Accept(TokenKind.LeftParen) && !parser.Accept(TokenKind.RightParen))
        {
            do
                arguments.Add(parser.Expression());
            while (parser.Accept(TokenKind.Comma));
            parser.Expect(TokenKind.RightParen, "',' or ')' in the INCLUDE arguments");
        }
        parser.ExpectEnd("INCLUDE");
        return new IncludeNode(segment.Start, fileName, [.. arguments]);
    }

    private static MenuNode Menu(Segment segment, string keyword, MenuSyntax syntax, ExpressionParser parser)
    {
        var current = parser.Expression();
        Expression? choices = null;
        Expression? labels = null;
        if (syntax.Choices != ClauseUse.Never && parser.AcceptWord("IN"))
            choices = parser.Expression();
        else if (syntax.Choices == ClauseUse.Required)
            throw new SyntaxError($"{keyword} needs IN followed by the choices, but found {parser.Current.Describe()}.", parser.Current.Offset);
        if (syntax.Labels && parser.AcceptWord("USING"))
            labels = parser.Expression();
        parser.ExpectEnd(keyword);
        return new MenuNode(segment.Start, syntax.Kind, current, choices, labels);
    }

    private void EnterBlock(Segment segment)
    {
        if (++_depth > _maxDepth)
            throw new SyntaxError($"IF and FOREACH blocks nest deeper than the limit of {_maxDepth}.", segment.Start);
    }

    private SyntaxError Unclosed(string opener, string closer, Segment open, BlockEnd? found)
    {
        var line = TextLocation.FromOffset(_source, open.Start).Line;
        return found is null
            ? new SyntaxError($"{opener} is not closed with {closer}.", open.Start)
            : new SyntaxError($"Expected {closer} to close the {opener} on line {line} but found {found.Keyword}.", found.Offset);
    }
}
