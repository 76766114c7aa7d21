using System.Diagnostics.CodeAnalysis;
using Postern.Data;
using Postern.Templates.Syntax;

namespace Postern.Templates;

/// <summary>Compiles WSSP files (<c>.wssp</c> pages and <c>.wssi</c> includes) into <see cref="CompiledTemplate"/>s.</summary>
public static class WsspCompiler
{
    /// <summary>Compiles <paramref name="source"/>.</summary>
    /// <exception cref="TemplateCompileException">The file has a syntax error; the message has file:line:column.</exception>
    public static CompiledTemplate Compile(string source, string fileName, TemplateLimits? limits = null) =>
        TryCompile(source, fileName, out var template, out var error, limits) ? template : throw new TemplateCompileException(error);

    /// <summary>Compiles a UTF-8 file (a byte order mark is skipped).</summary>
    /// <exception cref="TemplateCompileException">The file has a syntax error.</exception>
    public static CompiledTemplate CompileUtf8(ReadOnlySpan<byte> utf8, string fileName, TemplateLimits? limits = null) =>
        Compile(DataParser.DecodeUtf8(utf8), fileName, limits);

    /// <summary>Compiles <paramref name="source"/> without throwing for syntax errors.</summary>
    public static bool TryCompile(
        string source,
        string fileName,
        [NotNullWhen(true)] out CompiledTemplate? template,
        [NotNullWhen(false)] out TemplateError? error,
        TemplateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fileName);
        limits ??= TemplateLimits.Default;
        if (source.Length > limits.MaxSourceChars)
        {
            template = null;
            error = TemplateError.At($"The file is longer than the limit of {limits.MaxSourceChars} characters.", fileName, source, limits.MaxSourceChars);
            return false;
        }
        try
        {
            template = new CompiledTemplate(fileName, source, TemplateParser.Parse(source, limits.MaxNestingDepth));
            error = null;
            return true;
        }
        catch (SyntaxError e)
        {
            template = null;
            error = TemplateError.At(e.Message, fileName, source, e.Offset);
            return false;
        }
    }
}
