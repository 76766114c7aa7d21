namespace Postern.Data;

/// <summary>Why and where a text is not a valid CommuniGate object.</summary>
/// <param name="Message">What is wrong, in words for the file's author.</param>
/// <param name="Offset">The character offset of the error in the text.</param>
/// <param name="Location">The line and column of the error.</param>
/// <param name="FileName">The file the text came from, when known.</param>
public sealed record DataParseError(string Message, int Offset, TextLocation Location, string? FileName)
{
    /// <summary><c>file:line:column: message</c> (without the file when it is not known).</summary>
    public override string ToString() =>
        FileName is null ? $"{Location}: {Message}" : $"{FileName}:{Location}: {Message}";
}

/// <summary>A text is not a valid CommuniGate object; <see cref="Error"/> says where and why.</summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public DataFormatException(DataParseError error)
        : base(error.ToString())
    {
        Error = error;
    }

    /// <summary>Where and why the text is invalid.</summary>
    public DataParseError Error { get; }
}

/// <summary>A syntax error found by a low-level reader, at an offset in the text it was given.</summary>
/// <param name="Message">What is wrong.</param>
/// <param name="Offset">The character offset of the error.</param>
public readonly record struct DataSyntaxError(string Message, int Offset);
