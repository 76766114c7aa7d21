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
        TryNormalize(text, out var name, out var error) ? name : throw new MailException(MailErrorCode.IllegalMailboxName, error);

    /// <summary>The name of the parent level, or null for a top-level name.</summary>
    public static string? Parent(string name)
    {
        var separator = name.LastIndexOf(Separator);
        return separator < 0 ? null : name[..separator];
    }

    /// <summary>
    /// Whether <paramref name="name"/> matches an IMAP LIST pattern (RFC 3501 §6.3.8): <c>*</c>
    /// matches anything, <c>%</c> anything but the separator. A leading <c>INBOX</c> level of the pattern
    /// matches in any letter case, as the name does (RFC 3501 §5.1).
    /// </summary>
    /// <remarks>
    /// The pattern is run over the set of name positions reachable so far, so the cost is at most
    /// name length × pattern length whatever the wildcards: no exponential backtracking.
    /// </remarks>
    public static bool Matches(string name, string pattern)
    {
        pattern = CanonicalInboxPrefix(pattern);
        var reachable = new bool[name.Length + 1];
        reachable[0] = true;
        var next = new bool[name.Length + 1];
        foreach (var c in pattern)
        {
            Array.Clear(next);
            var any = false;
            for (var i = 0; i <= name.Length; i++)
            {
                if (!reachable[i])
                    continue;
                if (c == '*')
                {
                    next.AsSpan(i).Fill(true);
                    any = true;
                    break;
                }
                if (c == '%')
                {
                    // Extend through the current level: up to, not over, the next separator.
                    for (var j = i; ; j++)
                    {
                        next[j] = true;
                        if (j == name.Length || name[j] == Separator)
                            break;
                    }
                    any = true;
                }
                else if (i < name.Length && name[i] == c)
                {
                    next[i + 1] = true;
                    any = true;
                }
            }
            if (!any)
                return false;
            (reachable, next) = (next, reachable);
        }
        return reachable[name.Length];
    }

    private static string CanonicalInboxPrefix(string pattern) =>
        pattern.StartsWith(Inbox, StringComparison.OrdinalIgnoreCase)
        && (pattern.Length == Inbox.Length || pattern[Inbox.Length] == Separator)
            ? Inbox + pattern[Inbox.Length..]
            : pattern;
}
