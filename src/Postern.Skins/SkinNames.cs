using System.Diagnostics.CodeAnalysis;

namespace Postern.Skins;

/// <summary>The rules for skin names, skin file names and domain names.</summary>
public static class SkinNames
{
    /// <summary>
    /// The longest skin name. 64: longer than any CommuniGate skin name seen, and short enough for
    /// directory names and <c>/SkinFiles/</c> URLs.
    /// </summary>
    public const int MaxSkinNameLength = 64;

    /// <summary>The longest skin file name. 128: stock file names are under 40 characters.</summary>
    public const int MaxFileNameLength = 128;

    /// <summary>The longest domain name (RFC 1035 §2.3.4: 255 octets on the wire, 253 as text).</summary>
    public const int MaxDomainLength = 253;

    /// <summary>The directory that holds a level's Unnamed skin; skin names cannot start with '_'.</summary>
    internal const string UnnamedDirectory = "_unnamed";

    /// <summary>Which browsers a skin serves: WML skins start with <c>WML</c>, cHTML skins with <c>IMode</c>.</summary>
    public static SkinKind KindOf(string skinName) =>
        skinName.StartsWith("WML", StringComparison.OrdinalIgnoreCase) ? SkinKind.Wml
        : skinName.StartsWith("IMode", StringComparison.OrdinalIgnoreCase) ? SkinKind.CHtml
        : SkinKind.Regular;

    /// <summary>
    /// A skin name is 1–64 ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter or
    /// a digit (<c>Golden</c>, <c>Pronto-</c>, <c>WML2</c>).
    /// </summary>
    public static bool IsValidSkinName(string name, [NotNullWhen(false)] out string? problem)
    {
        problem = name switch
        {
            "" => "A skin name cannot be empty (the Unnamed skin has no name).",
            { Length: > MaxSkinNameLength } => $"A skin name is at most {MaxSkinNameLength} characters.",
            _ when !char.IsAsciiLetterOrDigit(name[0]) => "A skin name starts with a letter or a digit.",
            _ when name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')) =>
                "A skin name has only letters, digits, '-', '_' and '.'.",
            _ => null,
        };
        return problem is null;
    }

    /// <summary>
    /// File names are always lower-case (WebApp: "The specified file names are always converted into the
    /// lowercase letters").
    /// </summary>
    public static string NormalizeFileName(string fileName) => fileName.ToLowerInvariant();

    /// <summary>
    /// A skin file name is 1–128 printable ASCII characters without <c>/ \ : * ? " &lt; &gt; | %</c> or
    /// spaces, and does not start with <c>.</c> (skins are flat directories, and names starting with '.'
    /// are Postern's own temporary files).
    /// </summary>
    public static bool IsValidFileName(string fileName, [NotNullWhen(false)] out string? problem)
    {
        problem = fileName switch
        {
            "" => "A file name cannot be empty.",
            { Length: > MaxFileNameLength } => $"A file name is at most {MaxFileNameLength} characters.",
            _ when fileName[0] == '.' => "A file name cannot start with '.'.",
            _ when fileName.Any(c => c <= ' ' || c > '~' || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '%') =>
                $"The file name \"{fileName}\" has a character skins do not allow (spaces, / \\ : * ? \" < > | % or non-ASCII).",
            _ => null,
        };
        return problem is null;
    }

    /// <summary>A domain name is 1–253 letters, digits, '-' and '.', compared in lower case.</summary>
    public static bool IsValidDomain(string domain, [NotNullWhen(false)] out string? problem)
    {
        problem = domain switch
        {
            "" => "A domain name cannot be empty.",
            { Length: > MaxDomainLength } => $"A domain name is at most {MaxDomainLength} characters.",
            _ when domain[0] is '.' or '-' || domain.Contains("..", StringComparison.Ordinal) => $"\"{domain}\" is not a domain name.",
            _ when domain.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.')) => $"\"{domain}\" is not a domain name.",
            _ => null,
        };
        return problem is null;
    }
}
