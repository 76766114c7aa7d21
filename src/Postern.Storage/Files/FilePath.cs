using System.Text;

namespace Postern.Storage.Files;

/// <summary>
/// A checked path in an account's File Storage: names separated by <c>/</c>, as CommuniGate writes them
/// (<c>private/IM/peer.log</c>). The empty path is the storage root. Every path that reaches a backend
/// went through <see cref="Parse"/>, so no backend ever sees <c>..</c>, an absolute path or a control
/// character.
/// </summary>
public sealed class FilePath : IEquatable<FilePath>
{
    /// <summary>The longest name, in UTF-8 bytes: 255 is NAME_MAX of the Linux file systems the data directory lives on.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>
    /// The longest path, in characters. 1024 is far beyond what people type or skins show, and keeps the
    /// full on-disk path under PATH_MAX (4096) whatever the data directory.
    /// </summary>
    public const int MaxPathLength = 1024;

    /// <summary>The deepest nesting of folders. 32 levels: no real folder tree is deeper, and walks of a tree stay bounded.</summary>
    public const int MaxDepth = 32;

    private const char Separator = '/';

    private readonly string[] _names;

    private FilePath(string[] names)
    {
        _names = names;
        Value = string.Join(Separator, names);
    }

    /// <summary>The storage root (the empty path).</summary>
    public static FilePath Root { get; } = new([]);

    /// <summary>The path as CommuniGate writes it: names joined by <c>/</c>, no leading or trailing separator.</summary>
    public string Value { get; }

    /// <summary>The names from the root down.</summary>
    public IReadOnlyList<string> Names => _names;

    public bool IsRoot => _names.Length == 0;

    /// <summary>The last name (empty for the root).</summary>
    public string Name => IsRoot ? "" : _names[^1];

    /// <summary>The folder holding this path (the root is its own parent).</summary>
    public FilePath Parent => IsRoot ? this : new FilePath(_names[..^1]);

    /// <summary>Reads a path a user or client gave.</summary>
    /// <exception cref="FileStorageException"><see cref="FileStorageError.BadName"/> when the path is not allowed.</exception>
    public static FilePath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var path, out var problem) ? path : throw new FileStorageException(FileStorageError.BadName, problem);
    }

    /// <summary>Reads a path; on failure <paramref name="problem"/> says what is wrong with it.</summary>
    public static bool TryParse(string text, out FilePath path, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = Root;
        if (text.Length == 0)
        {
            problem = "";
            return true;
        }
        if (text.Length > MaxPathLength)
        {
            problem = $"the path is longer than {MaxPathLength} characters";
            return false;
        }
        // No absolute paths: every path is relative to the account's storage root.
        if (text[0] == Separator)
        {
            problem = "the path must not start with /";
            return false;
        }
        var names = text.Split(Separator);
        if (names.Length > MaxDepth + 1)
        {
            problem = $"the path is nested deeper than {MaxDepth} folders";
            return false;
        }
        foreach (var name in names)
        {
            if (!IsValidName(name, out problem))
                return false;
        }
        path = new FilePath(names);
        problem = "";
        return true;
    }

    /// <summary>Whether <paramref name="name"/> may be one name of a path (a file or folder name, no separators).</summary>
    public static bool IsValidName(string name, out string problem)
    {
        ArgumentNullException.ThrowIfNull(name);
        problem = name switch
        {
            "" => "a name is empty",
            "." or ".." => "a name must not be . or ..",
            // Names starting with a dot are the store's own (temporary files of writes in progress).
            _ when name[0] == '.' => "a name must not start with a dot",
            _ when name.Trim().Length != name.Length => "a name must not start or end with a space",
            _ when name.Any(c => char.IsControl(c) || c is '\\' or Separator) => "a name must not contain control characters, \\ or /",
            _ when !IsWellFormedUtf16(name) => "a name contains an unpaired surrogate",
            _ when Encoding.UTF8.GetByteCount(name) > MaxNameBytes => $"a name is longer than {MaxNameBytes} bytes",
            _ => "",
        };
        return problem.Length == 0;
    }

    /// <summary>The path of <paramref name="name"/> inside this folder.</summary>
    /// <exception cref="FileStorageException"><see cref="FileStorageError.BadName"/> when the name or the resulting path is not allowed.</exception>
    public FilePath Append(string name)
    {
        if (!IsValidName(name, out var problem))
            throw new FileStorageException(FileStorageError.BadName, problem);
        return Parse(IsRoot ? name : Value + Separator + name);
    }

    public bool Equals(FilePath? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as FilePath);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }
}
