using Postern.Storage;

namespace Postern.Mail.Messages;

/// <summary>Checks flag changes users ask for.</summary>
public static class FlagChanges
{
    /// <summary>Characters an IMAP atom may not hold (RFC 3501 §9, atom-specials and resp-specials).</summary>
    private const string KeywordSpecials = "(){ %*\"\\]";

    /// <exception cref="MailException">A flag is both set and cleared, Recent is named, or a keyword is not an IMAP atom.</exception>
    public static void Validate(FlagUpdate update)
    {
        // RFC 3501 §2.3.2: \Recent is managed by the server.
        if (((update.Add | update.Remove) & MessageFlags.Recent) != 0)
            throw new MailException("the Recent flag cannot be set or cleared");
        if ((update.Add & update.Remove) != 0 || update.AddKeywords.Intersect(update.RemoveKeywords, StringComparer.OrdinalIgnoreCase).Any())
            throw new MailException("a flag cannot be set and cleared at once");
        if (update.AddKeywords.Count + update.RemoveKeywords.Count > MessageLimits.MaxKeywords)
            throw new MailException($"at most {MessageLimits.MaxKeywords} keywords may change at once");
        foreach (var keyword in update.AddKeywords.Concat(update.RemoveKeywords))
            ValidateKeyword(keyword);
    }

    /// <exception cref="MailException">The keyword is not an IMAP atom of at most <see cref="MessageLimits.MaxKeywordLength"/> characters.</exception>
    public static void ValidateKeyword(string keyword)
    {
        if (keyword.Length is 0 or > MessageLimits.MaxKeywordLength || keyword[0] == '\\'
            || keyword.Any(c => c is <= ' ' or > '~' || KeywordSpecials.Contains(c, StringComparison.Ordinal)))
            throw new MailException($"\"{keyword}\" is not a keyword (1 to {MessageLimits.MaxKeywordLength} ASCII characters, no spaces, brackets, quotes, '%', '*' or '\\')");
    }

    /// <summary>The rights a change needs: Seen needs s, Deleted needs d, every other flag and keyword w (RFC 2086).</summary>
    internal static Mailboxes.MailboxRights RequiredRights(FlagUpdate update)
    {
        var touched = update.Add | update.Remove;
        var rights = Mailboxes.MailboxRights.None;
        if ((touched & MessageFlags.Seen) != 0)
            rights |= Mailboxes.MailboxRights.Seen;
        if ((touched & MessageFlags.Deleted) != 0)
            rights |= Mailboxes.MailboxRights.Delete;
        if ((touched & ~(MessageFlags.Seen | MessageFlags.Deleted)) != 0 || update.AddKeywords.Count + update.RemoveKeywords.Count > 0)
            rights |= Mailboxes.MailboxRights.Write;
        return rights;
    }
}
