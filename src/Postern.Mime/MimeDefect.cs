namespace Postern.Mime;

/// <summary>One problem found in a message, with where it was found.</summary>
/// <param name="Kind">What was wrong.</param>
/// <param name="Offset">Byte offset in the parsed buffer where the problem starts.</param>
/// <param name="Detail">The offending text or a short explanation, for people debugging a message.</param>
public sealed record MimeDefect(MimeDefectKind Kind, int Offset, string? Detail = null)
{
    /// <inheritdoc/>
    public override string ToString() => Detail is null ? $"{Kind} at {Offset}" : $"{Kind} at {Offset}: {Detail}";
}
