namespace Postern.Html.Css;

/// <summary>CSS Syntax Level 3 §4: the token types.</summary>
internal enum CssTokenKind
{
    Ident,
    Function,
    AtKeyword,
    Hash,
    String,
    BadString,
    Url,
    BadUrl,
    Delim,
    Number,
    Percentage,
    Dimension,
    Whitespace,
    Cdo,
    Cdc,
    Colon,
    Semicolon,
    Comma,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
}

/// <summary>
/// One CSS token. <see cref="Value"/> holds the unescaped name, string or URL, the delimiter character, or a
/// number as written (digits, sign, point and exponent only); <see cref="Unit"/> holds a dimension's unit.
/// </summary>
internal readonly record struct CssToken(CssTokenKind Kind, string Value, string Unit = "", bool IsIdHash = false)
{
    public static readonly CssToken Whitespace = new(CssTokenKind.Whitespace, " ");

    public bool IsDelim(char c) => Kind == CssTokenKind.Delim && Value.Length == 1 && Value[0] == c;

    public bool IsIdent(string name) => Kind == CssTokenKind.Ident && Value.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A number, percentage or dimension below zero (<c>-0</c> is not).</summary>
    public bool IsNegative =>
        Kind is CssTokenKind.Number or CssTokenKind.Percentage or CssTokenKind.Dimension
        && Value.StartsWith('-') && Value.AsSpan(1).ContainsAnyInRange('1', '9');
}
