namespace Postern.Mail.Mailboxes;

/// <summary>Hierarchical mailbox names: levels separated by <c>/</c>, <c>INBOX</c> in any letter case meaning the inbox.</summary>
public static class MailboxName
{
    public const char Separator = '/';

    public const string Inbox = "INBOX";

    /// <summary>A whole name stays well inside what clients and file systems handle (CommuniGate keeps mailboxes as files).</summary>
    public const int MaxLength = 1024;

    /// <summary>One level of the name: the usual file-name limit.</summary>
    public const int MaxLevelLength = 255;

    /// <summary>
    /// The canonical form of a name, or an error: no empty levels, no control characters, no
    /// <c>%</c> or <c>*</c> (list wildcards), not starting with <c>~</c> (another account's mailbox,
    /// <c>~name@domain/box</c>) or <c>#</c> (a namespace prefix).
    /// </summary>
    public static bool TryNormalize(string? text, out string name, out string error)
    {
        name = (text ?? "").Trim();
        error = "";
        if (name.Length == 0)
            error = "a mailbox name is empty";
        else if (name.Length > MaxLength)
            error = $"a mailbox name must not be longer than {MaxLength} characters";
        else if (name[0] is '~' or '#')
            error = $"a mailbox name must not start with '{name[0]}'";
        else if (name.Any(c => char.IsControl(c) || c is '%' or '*'))
            error = $"mailbox name \"{name}\" contains a control character, '%' or '*'";
        else if (name.Split(Separator).Any(level => level.Length == 0 || level.Length > MaxLevelLength || level.Trim() != level))
            error = $"mailbox name \"{name}\" has an empty level or a level with surrounding spaces";
        if (error.Length > 0)
            return false;

        // RFC 3501 §5.1: INBOX is case-insensitive; its sub-mailboxes inherit the canonical prefix.
        if (name.Equals(Inbox, StringComparison.OrdinalIgnoreCase))
            name = Inbox;
        else if (name.StartsWith(Inbox + Separator, StringComparison.OrdinalIgnoreCase))
            name = Inbox + name[Inbox.Length..];
        return true;
    }

    /// <exception cref="MailException">The name is not acceptable.</exception>
    public static string Normalize(string? text) =>
        TryNormalize(text, out var name, out var error) ? name : throw new MailException(error);

    /// <summary>The name of the parent level, or null for a top-level name.</summary>
    public static string? Parent(string name)
    {
        var separator = name.LastIndexOf(Separator);
        return separator < 0 ? null : name[..separator];
    }

    /// <summary>
    /// Whether <paramref name="name"/> matches an IMAP LIST pattern (RFC 3501 §6.3.8): <c>*</c>
    /// matches anything, <c>%</c> anything but the separator.
    /// </summary>
    public static bool Matches(string name, string pattern) => Matches(name.AsSpan(), pattern.AsSpan());

    private static bool Matches(ReadOnlySpan<char> name, ReadOnlySpan<char> pattern)
    {
        while (pattern.Length > 0)
        {
            var c = pattern[0];
            if (c is '*' or '%')
            {
                var rest = pattern[1..];
                for (var take = 0; take <= name.Length; take++)
                {
                    if (Matches(name[take..], rest))
                        return true;
                    if (take < name.Length && c == '%' && name[take] == Separator)
                        return false;
                }
                return false;
            }
            if (name.Length == 0 || name[0] != c)
                return false;
            name = name[1..];
            pattern = pattern[1..];
        }
        return name.Length == 0;
    }
}
