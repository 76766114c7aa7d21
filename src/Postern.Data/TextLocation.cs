namespace Postern.Data;

/// <summary>A 1-based line and column in a text, for error messages in user-written files.</summary>
/// <param name="Line">The line, counting from 1.</param>
/// <param name="Column">The column, counting characters (a tab is one) from 1.</param>
public readonly record struct TextLocation(int Line, int Column)
{
    /// <summary>The line and column of the character at <paramref name="offset"/>.</summary>
    /// <remarks>LF, CR and CRLF each end a line, so files with any line ending report the same positions.</remarks>
    public static TextLocation FromOffset(ReadOnlySpan<char> text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextLocation(line, offset - lineStart + 1);
    }

    /// <summary><c>line:column</c>.</summary>
    public override string ToString() => $"{Line}:{Column}";
}
