namespace Postern.Templates.Syntax;

internal enum TokenKind
{
    End,
    Identifier,
    Number,
    String,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Dot,
    Comma,
    Colon,
    Ampersand,
    Pipe,
    Caret,
    EqualEqual,
    NotEqual,
}

/// <summary>One token inside an element. <see cref="Text"/> is the name or the decoded string.</summary>
internal readonly record struct Token(TokenKind Kind, int Offset, string Text, long Number)
{
    public bool IsWord(string word) =>
        Kind == TokenKind.Identifier && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the element",
        TokenKind.Identifier => $"'{Text}'",
        TokenKind.Number => $"'{Number}'",
        TokenKind.String => "a string",
        TokenKind.LeftParen => "'('",
        TokenKind.RightParen => "')'",
        TokenKind.LeftBracket => "'['",
        TokenKind.RightBracket => "']'",
        TokenKind.Dot => "'.'",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Ampersand => "'&'",
        TokenKind.Pipe => "'|'",
        TokenKind.Caret => "'^'",
        TokenKind.EqualEqual => "'=='",
        TokenKind.NotEqual => "'!='",
        _ => Kind.ToString(),
    };
}
