using System.Diagnostics.CodeAnalysis;

namespace Postern.Ximss.Protocol.Values;

/// <summary>A <c>mailboxList</c>/<c>mailboxSubList</c> <c>filter</c>: an IMAP LIST pattern (RFC 3501 §6.3.8).</summary>
/// <remarks>
/// <c>*</c> matches any run of characters, <c>%</c> any run without the hierarchy separator <c>/</c>
/// (so <c>%</c> lists top-level mailboxes and <c>%/%</c> their children, as Samoware asks, docs/ximss.md §8.2).
/// Other characters match themselves, case-sensitively, except that <c>INBOX</c> as the first name
/// component matches in any case (RFC 3501 §5.1: INBOX is case-insensitive).
/// Matching is a position-set walk, O(pattern × name), so no pattern can make it backtrack exponentially.
/// </remarks>
public sealed class MailboxPattern
{
    /// <summary>The hierarchy separator of Postern (and CGP) mailbox names.</summary>
    public const char Separator = '/';

    private const string Inbox = "INBOX";

    private readonly string _normalized;

    private MailboxPattern(string pattern)
    {
        Pattern = pattern;
        _normalized = NormalizeInbox(pattern);
    }

    /// <summary>The pattern that matches every mailbox.</summary>
    public static MailboxPattern All { get; } = new("*");

    /// <summary>The pattern as the client sent it.</summary>
    public string Pattern { get; }

    /// <summary>Accepts a pattern no longer than <see cref="XimssLimits.MaxPatternLength"/>.</summary>
    public static bool TryCreate(string pattern, [NotNullWhen(true)] out MailboxPattern? result, XimssLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        limits ??= XimssLimits.Default;
        result = pattern.Length <= limits.MaxPatternLength ? new MailboxPattern(pattern) : null;
        return result is not null;
    }

    /// <summary>True when <paramref name="mailbox"/> matches the whole pattern.</summary>
    public bool IsMatch(string mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var name = NormalizeInbox(mailbox);
        var pattern = _normalized.AsSpan();

        // active[i]: pattern[..i] can match the name read so far.
        Span<bool> active = pattern.Length < 512 ? stackalloc bool[pattern.Length + 1] : new bool[pattern.Length + 1];
        Span<bool> next = pattern.Length < 512 ? stackalloc bool[pattern.Length + 1] : new bool[pattern.Length + 1];
        active[0] = true;
        CloseOverWildcards(pattern, active);

        foreach (var c in name)
        {
            next.Clear();
            var any = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                if (!active[i])
                    continue;
                var p = pattern[i];
                if (p == '*' || (p == '%' && c != Separator))
                    any = next[i] = true;
                else if (p == c)
                    any = next[i + 1] = true;
            }

            if (!any)
                return false;
            CloseOverWildcards(pattern, next);
            next.CopyTo(active);
        }

        return active[pattern.Length];
    }

    /// <inheritdoc/>
    public override string ToString() => Pattern;

    // A wildcard may match nothing, so being before one means also being after it.
    private static void CloseOverWildcards(ReadOnlySpan<char> pattern, Span<bool> positions)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (positions[i] && pattern[i] is '*' or '%')
                positions[i + 1] = true;
        }
    }

    private static string NormalizeInbox(string name)
    {
        var isInbox = name.Length >= Inbox.Length
            && name.AsSpan(0, Inbox.Length).Equals(Inbox, StringComparison.OrdinalIgnoreCase)
            && (name.Length == Inbox.Length || name[Inbox.Length] == Separator);
        return isInbox && !name.StartsWith(Inbox, StringComparison.Ordinal) ? Inbox + name[Inbox.Length..] : name;
    }
}
