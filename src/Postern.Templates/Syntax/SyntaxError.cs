namespace Postern.Templates.Syntax;

/// <summary>Carries a compile error out of the recursive-descent parser to <see cref="WsspCompiler"/>.</summary>
internal sealed class SyntaxError(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}
