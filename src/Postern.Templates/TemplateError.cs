using Postern.Data;

namespace Postern.Templates;

/// <summary>Why and where a WSSP file could not be compiled or rendered.</summary>
/// <param name="Message">What is wrong, for the skin author.</param>
/// <param name="FileName">The skin file the error is in.</param>
/// <param name="Offset">The character offset of the error in that file.</param>
/// <param name="Location">The line and column of the error.</param>
public sealed record TemplateError(string Message, string FileName, int Offset, TextLocation Location)
{
    internal static TemplateError At(string message, string fileName, string source, int offset) =>
        new(message, fileName, offset, TextLocation.FromOffset(source, offset));

    /// <summary><c>file:line:column: message</c>.</summary>
    public override string ToString() => $"{FileName}:{Location}: {Message}";
}

/// <summary>A WSSP file has a syntax error; <see cref="Error"/> says where.</summary>
public sealed class TemplateCompileException(TemplateError error) : Exception(error.ToString())
{
    /// <summary>Where and why compiling failed.</summary>
    public TemplateError Error { get; } = error;
}

/// <summary>Rendering a page failed (a missing include, a limit); <see cref="Error"/> says where.</summary>
public class TemplateRenderException(TemplateError error) : Exception(error.ToString())
{
    /// <summary>Where and why rendering failed.</summary>
    public TemplateError Error { get; } = error;
}

/// <summary>Rendering stopped because a <see cref="TemplateLimits"/> cap was reached.</summary>
public sealed class TemplateLimitExceededException(TemplateError error) : TemplateRenderException(error);
